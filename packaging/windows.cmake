# Windows (MSVC + vcpkg, CMakePresets.json "windows"): an NSIS installer (per user, no administrator
# rights; nsis.cmake) of bin/ (the programs, windeployqt's Qt, the vcpkg and LibTorch DLLs, the C++
# runtime) and share/ (the model pack, licences), with a Start-menu entry and an uninstaller.
# Included from packaging/CMakeLists.txt.

# MSVC's options for the project's own targets, in place of GCC's (top-level kindred_warnings); external
# headers (Qt, LibTorch, OpenCV: included with <>) at warning level 0.
if(MSVC)
  set_property(TARGET kindred_warnings PROPERTY INTERFACE_COMPILE_OPTIONS
               /W4 /permissive- /utf-8 /Zc:__cplusplus /bigobj /external:anglebrackets /external:W0
               /wd4068 $<$<BOOL:${KINDRED_WERROR}>:/WX>)
  # Exiv2 0.27's headers use std::auto_ptr (gone from C++17's library); NOMINMAX keeps windows.h, which
  # LibTorch includes, from defining min and max.
  set_property(TARGET kindred_warnings APPEND PROPERTY INTERFACE_COMPILE_DEFINITIONS _HAS_AUTO_PTR_ETC=1
                                                                                     NOMINMAX)
endif()

# The icon of kindred.exe (and of its Start-menu entry); kindred.ico holds resources/icons' PNGs.
set(KINDRED_ICO ${CMAKE_CURRENT_SOURCE_DIR}/windows/kindred.ico)
file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/kindred.rc "IDI_ICON1 ICON \"${KINDRED_ICO}\"\n")
target_sources(kindred PRIVATE ${CMAKE_CURRENT_BINARY_DIR}/kindred.rc)

# The C++ runtime DLLs next to the programs (LibTorch needs them too).
set(CMAKE_INSTALL_SYSTEM_RUNTIME_DESTINATION bin)
include(InstallRequiredSystemLibraries)

# Install-time deployment (after app/'s install rules): see windows/deploy.cmake.in.
set(KINDRED_VCPKG_TRIPLET_DIR "${VCPKG_INSTALLED_DIR}/${VCPKG_TARGET_TRIPLET}")
get_target_property(_qmake Qt6::qmake IMPORTED_LOCATION_RELEASE)
if(NOT _qmake)
  get_target_property(_qmake Qt6::qmake IMPORTED_LOCATION)
endif()
get_filename_component(_qt_tools "${_qmake}" DIRECTORY)
find_program(KINDRED_WINDEPLOYQT windeployqt HINTS "${_qt_tools}" "${KINDRED_VCPKG_TRIPLET_DIR}/tools/Qt6/bin"
             "${VCPKG_INSTALLED_DIR}/${VCPKG_HOST_TRIPLET}/tools/Qt6/bin" "${QT6_INSTALL_PREFIX}/${QT6_INSTALL_BINS}"
             "${QT6_INSTALL_PREFIX}/${QT6_INSTALL_LIBEXECS}" REQUIRED)
get_filename_component(_msvc_tools "${CMAKE_CXX_COMPILER}" DIRECTORY)
find_program(KINDRED_DUMPBIN dumpbin HINTS "${_msvc_tools}" REQUIRED)
set(KINDRED_TORCH_LIB_DIR "${TORCH_INSTALL_PREFIX}/lib")
install(FILES copyright DESTINATION share/doc/kindred)
configure_file(windows/deploy.cmake.in ${CMAKE_CURRENT_BINARY_DIR}/deploy-windows.cmake @ONLY)
install(SCRIPT ${CMAKE_CURRENT_BINARY_DIR}/deploy-windows.cmake)

set(_variant "")
if(Torch_DIR MATCHES "libtorch-(cu[0-9]+)")
  set(_variant "-${CMAKE_MATCH_1}") # the CUDA build (a ZIP: NSIS installers stop at 2 GB)
endif()
set(CPACK_PACKAGE_FILE_NAME "Kindred-${PROJECT_VERSION}-windows-x64${_variant}")
set(CPACK_GENERATOR NSIS)
include(${CMAKE_CURRENT_SOURCE_DIR}/nsis.cmake)
