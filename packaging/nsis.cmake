# The Windows installer (CPack NSIS), included from windows.cmake. CPack's NSIS template asks for
# administrator rights; CPACK_NSIS_DEFINES comes after that line in the template, so it turns the installer
# into a per-user one: no elevation, installed into %LOCALAPPDATA%\Programs\Kindred (the template would
# choose "Documents" for a per-user install), Start-menu entry and uninstall entry for the current user.
set(CPACK_NSIS_PACKAGE_NAME "Kindred")
set(CPACK_NSIS_DISPLAY_NAME "Kindred ${PROJECT_VERSION}")
set(CPACK_PACKAGE_INSTALL_REGISTRY_KEY "Kindred")
set(CPACK_NSIS_INSTALL_ROOT [=[$LOCALAPPDATA\Programs]=])
set(CPACK_NSIS_MUI_ICON "${CMAKE_CURRENT_LIST_DIR}/windows/kindred.ico")
set(CPACK_NSIS_MUI_UNIICON "${CMAKE_CURRENT_LIST_DIR}/windows/kindred.ico")
set(CPACK_NSIS_INSTALLED_ICON_NAME [=[bin\kindred.exe]=])
set(CPACK_NSIS_URL_INFO_ABOUT "${KINDRED_HOMEPAGE_URL}")
set(CPACK_NSIS_CONTACT "${KINDRED_MAINTAINER}")
set(CPACK_NSIS_MANIFEST_DPI_AWARE ON)
set(CPACK_NSIS_MUI_FINISHPAGE_RUN "kindred.exe")
set(CPACK_NSIS_DEFINES [=[
  RequestExecutionLevel user
  !define MUI_PAGE_CUSTOMFUNCTION_PRE KindredPerUserFolder
Function KindredPerUserFolder
  StrCmp $INSTDIR "$DOCUMENTS\Kindred" 0 +2
    StrCpy $INSTDIR "$LOCALAPPDATA\Programs\Kindred"
FunctionEnd]=])
