; Included by electron-builder's NSIS installer (electron-builder.yml, nsis.include):
; registers gloss:// links for the installed Gloss, and removes them on uninstall.
; SHCTX is the current user's or the machine's classes, as the installer was run.
!macro customInstall
  WriteRegStr SHCTX "Software\Classes\gloss" "" "URL:Gloss link"
  WriteRegStr SHCTX "Software\Classes\gloss" "URL Protocol" ""
  WriteRegStr SHCTX "Software\Classes\gloss\DefaultIcon" "" "$INSTDIR\${APP_EXECUTABLE_FILENAME},0"
  WriteRegStr SHCTX "Software\Classes\gloss\shell\open\command" "" '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" "%1"'
!macroend

!macro customUnInstall
  DeleteRegKey SHCTX "Software\Classes\gloss"
!macroend
