# macOS (Ninja + vcpkg, CMakePresets.json "macos"): Kindred.app, a self-contained bundle (kindred-cli,
# the model pack, Qt via macdeployqt, LibTorch's and vcpkg's dylibs in Contents/Frameworks), in a
# drag-and-drop .dmg. Included from packaging/CMakeLists.txt. Signing: ad-hoc unless
# KINDRED_CODESIGN_IDENTITY names a Developer ID certificate (notarisation: packaging/README.md).

# AppleClang spells GCC's -Wshadow=local differently.
get_target_property(_kindred_warning_options kindred_warnings INTERFACE_COMPILE_OPTIONS)
list(TRANSFORM _kindred_warning_options REPLACE "^-Wshadow=local$" "-Wshadow-uncaptured-local")
set_property(TARGET kindred_warnings PROPERTY INTERFACE_COMPILE_OPTIONS ${_kindred_warning_options})
# Exiv2 0.27's headers use std::auto_ptr and std::unary_function, which libc++ drops in C++17 and later.
set_property(TARGET kindred_warnings APPEND PROPERTY INTERFACE_COMPILE_DEFINITIONS
             _LIBCPP_ENABLE_CXX17_REMOVED_AUTO_PTR _LIBCPP_ENABLE_CXX17_REMOVED_UNARY_BINARY_FUNCTION)

set(KINDRED_CODESIGN_IDENTITY "-" CACHE STRING "codesign identity for Kindred.app (- : ad-hoc)")
if(CMAKE_OSX_DEPLOYMENT_TARGET)
  set(KINDRED_MACOS_MINIMUM "${CMAKE_OSX_DEPLOYMENT_TARGET}" CACHE INTERNAL "")
else()
  set(KINDRED_MACOS_MINIMUM "12.0" CACHE INTERNAL "") # Qt 6.8's minimum
endif()

# The icon: an .icns made at configure time from the PNGs in resources/icons.
set(_iconset ${CMAKE_CURRENT_BINARY_DIR}/kindred.iconset)
file(REMOVE_RECURSE ${_iconset})
foreach(_icon "16;16x16" "32;16x16@2x" "32;32x32" "64;32x32@2x" "128;128x128" "256;128x128@2x" "256;256x256")
  list(GET _icon 0 _size)
  list(GET _icon 1 _name)
  configure_file(${PROJECT_SOURCE_DIR}/resources/icons/kindred-${_size}.png ${_iconset}/icon_${_name}.png
                 COPYONLY)
endforeach()
find_program(KINDRED_ICONUTIL iconutil REQUIRED)
set(_icns ${CMAKE_CURRENT_BINARY_DIR}/kindred.icns)
execute_process(COMMAND ${KINDRED_ICONUTIL} --convert icns --output ${_icns} ${_iconset}
                RESULT_VARIABLE _iconutil_result)
if(NOT _iconutil_result EQUAL 0)
  message(FATAL_ERROR "iconutil could not make ${_icns}")
endif()
target_sources(kindred PRIVATE ${_icns})
set_source_files_properties(${_icns} TARGET_DIRECTORY kindred PROPERTIES MACOSX_PACKAGE_LOCATION Resources)

set(KINDRED_BUNDLE Kindred.app)
set_target_properties(kindred PROPERTIES
  OUTPUT_NAME Kindred
  MACOSX_BUNDLE_INFO_PLIST ${CMAKE_CURRENT_SOURCE_DIR}/macos/Info.plist.in
  MACOSX_BUNDLE_BUNDLE_NAME Kindred
  MACOSX_BUNDLE_GUI_IDENTIFIER ${KINDRED_APPSTREAM_ID}
  MACOSX_BUNDLE_BUNDLE_VERSION ${PROJECT_VERSION}
  MACOSX_BUNDLE_SHORT_VERSION_STRING ${PROJECT_VERSION}
  MACOSX_BUNDLE_ICON_FILE kindred.icns
  INSTALL_RPATH "@executable_path/../Frameworks")
set_target_properties(kindred-cli PROPERTIES INSTALL_RPATH "@executable_path/../Frameworks")

# Install-time deployment (after app/'s install rules): see macos/deploy.cmake.in.
set(KINDRED_VCPKG_TRIPLET_DIR "${VCPKG_INSTALLED_DIR}/${VCPKG_TARGET_TRIPLET}")
get_target_property(_qmake Qt6::qmake IMPORTED_LOCATION_RELEASE)
if(NOT _qmake)
  get_target_property(_qmake Qt6::qmake IMPORTED_LOCATION)
endif()
get_filename_component(_qt_tools "${_qmake}" DIRECTORY)
find_program(KINDRED_MACDEPLOYQT macdeployqt HINTS "${_qt_tools}" "${KINDRED_VCPKG_TRIPLET_DIR}/tools/Qt6/bin"
             "${VCPKG_INSTALLED_DIR}/${VCPKG_HOST_TRIPLET}/tools/Qt6/bin" "${QT6_INSTALL_PREFIX}/${QT6_INSTALL_BINS}"
             "${QT6_INSTALL_PREFIX}/${QT6_INSTALL_LIBEXECS}" REQUIRED)
set(KINDRED_TORCH_LIB_DIR "${TORCH_INSTALL_PREFIX}/lib")
install(FILES copyright DESTINATION ${KINDRED_BUNDLE}/Contents/Resources)
configure_file(macos/deploy.cmake.in ${CMAKE_CURRENT_BINARY_DIR}/deploy-macos.cmake @ONLY)
install(SCRIPT ${CMAKE_CURRENT_BINARY_DIR}/deploy-macos.cmake)

set(CPACK_GENERATOR DragNDrop)
set(CPACK_DMG_VOLUME_NAME Kindred)
set(CPACK_PACKAGE_FILE_NAME "Kindred-${PROJECT_VERSION}-macos-arm64")
