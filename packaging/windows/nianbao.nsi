; The Windows installer of 年报编辑器 (scripts/build_windows.sh builds it with Debian's makensis).
; Per user, without administrator rights: the program under %LOCALAPPDATA%\Programs\nianbao,
; a Start-menu entry, an optional desktop shortcut, drafts (*.nianbao.ron) opening in the
; editor, and an entry in 应用和功能 with the uninstaller.
; Silent: setup.exe /S (add /NODESKTOP for no desktop shortcut; /D=folder for another folder).
; Silent without the OCR model package: setup.exe /S /NOOCR.
; Defined by the build: VERSION, EXE (the built nianbao.exe), ICON, OUTFILE, ROOT (the repository),
; and OCR_MODELS (the model package's folder, scripts/ocr_models.sh) when it could be made.

; A 64-bit installer for the 64-bit program (Windows 10 and 11 x64; no 32-bit layer needed).
Target amd64-unicode
ManifestDPIAware true
SetCompressor /SOLID lzma
RequestExecutionLevel user

!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "LogicLib.nsh"

!define APP_NAME "年报编辑器"
!define APP_ID "nianbao"
!define PROG_ID "nianbao.draft"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_ID}"
!define CLASSES "Software\Classes"

Name "${APP_NAME}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP_ID}"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
BrandingText "${APP_NAME} ${VERSION}"
VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=2052 "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=2052 "FileDescription" "${APP_NAME} 安装程序"
VIAddVersionKey /LANG=2052 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "LegalCopyright" "nianbao developers (MIT)"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\nianbao.exe"
!define MUI_FINISHPAGE_RUN_TEXT "启动${APP_NAME}"
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "SimpChinese"

Section "${APP_NAME}（必需）" SecMain
    SectionIn RO
    SetOutPath "$INSTDIR"
    File "/oname=nianbao.exe" "${EXE}"
    File "/oname=nianbao.ico" "${ICON}"
    File "/oname=README.md" "${ROOT}\README.md"
    SetOutPath "$INSTDIR\fonts"
    File "${ROOT}\assets\fonts\OFL-NotoSansSC.txt"
    File "${ROOT}\assets\fonts\OFL-NotoSerifSC.txt"
    File "${ROOT}\assets\fonts\OFL-LXGWWenKai.txt"
    SetOutPath "$INSTDIR"
    WriteUninstaller "$INSTDIR\uninstall.exe"

    CreateShortCut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\nianbao.exe" "" "$INSTDIR\nianbao.ico" 0 SW_SHOWNORMAL "" "政府信息公开工作年度报告编辑器"

    ; Drafts open in the editor: the program's own type, offered for .ron files, and made
    ; their default only where no other program has them.
    WriteRegStr HKCU "${CLASSES}\${PROG_ID}" "" "年报草稿"
    WriteRegStr HKCU "${CLASSES}\${PROG_ID}\DefaultIcon" "" "$INSTDIR\nianbao.ico"
    WriteRegStr HKCU "${CLASSES}\${PROG_ID}\shell\open\command" "" '"$INSTDIR\nianbao.exe" "%1"'
    WriteRegStr HKCU "${CLASSES}\.ron\OpenWithProgids" "${PROG_ID}" ""
    ReadRegStr $0 HKCU "${CLASSES}\.ron" ""
    ${If} $0 == ""
        WriteRegStr HKCU "${CLASSES}\.ron" "" "${PROG_ID}"
    ${EndIf}
    WriteRegStr HKCU "${CLASSES}\Applications\nianbao.exe\shell\open\command" "" '"$INSTDIR\nianbao.exe" "%1"'
    WriteRegStr HKCU "${CLASSES}\Applications\nianbao.exe" "FriendlyAppName" "${APP_NAME}"
    System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'

    ; 应用和功能: name, version, publisher, 关于, and the uninstaller.
    WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
    WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
    WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "nianbao developers"
    WriteRegStr HKCU "${UNINSTALL_KEY}" "Comments" "政府信息公开工作年度报告编辑器（国办公开办函〔2021〕30号格式）"
    WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\nianbao.ico"
    WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
    WriteRegStr HKCU "${UNINSTALL_KEY}" "Readme" "$INSTDIR\README.md"
    WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
    WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
    WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
    WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

!ifdef OCR_MODELS
; Scanned PDFs read offline: the model package beside the program, where it looks first.
Section "文字识别模型包（读取扫描件）" SecOcr
    SetOutPath "$INSTDIR\ocr-models"
    File "${OCR_MODELS}\det.onnx"
    File "${OCR_MODELS}\rec.onnx"
    File "${OCR_MODELS}\characters.txt"
    File "${OCR_MODELS}\LICENSE"
    File "${OCR_MODELS}\MODEL_LICENSES.md"
    File "${OCR_MODELS}\README.txt"
    File "${OCR_MODELS}\SHA256SUMS"
    SetOutPath "$INSTDIR"
SectionEnd
!endif

Section "桌面快捷方式" SecDesktop
    CreateShortCut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\nianbao.exe" "" "$INSTDIR\nianbao.ico" 0 SW_SHOWNORMAL "" "政府信息公开工作年度报告编辑器"
SectionEnd

; 应用和功能's size: what the chosen sections put there, measured once they have.
Section "-EstimatedSize"
    ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
    IntFmt $0 "0x%08X" $0
    WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" "$0"
SectionEnd

LangString DESC_SecMain 2052 "编辑器本身、开始菜单中的快捷方式，以及用编辑器打开年报草稿（.nianbao.ron）。"
!ifdef OCR_MODELS
LangString DESC_SecOcr 2052 "读取扫描件（没有文字层的 PDF）所需的 PaddleOCR 模型（Apache-2.0，约 31 MB），在本机识别，不联网。"
!endif
LangString DESC_SecDesktop 2052 "在桌面上放一个${APP_NAME}的快捷方式。"
!insertmacro MUI_FUNCTION_DESCRIPTION_BEGIN
    !insertmacro MUI_DESCRIPTION_TEXT ${SecMain} $(DESC_SecMain)
!ifdef OCR_MODELS
    !insertmacro MUI_DESCRIPTION_TEXT ${SecOcr} $(DESC_SecOcr)
!endif
    !insertmacro MUI_DESCRIPTION_TEXT ${SecDesktop} $(DESC_SecDesktop)
!insertmacro MUI_FUNCTION_DESCRIPTION_END

Function .onInit
    ; /NODESKTOP: no desktop shortcut (for silent installs by an IT department).
    ${GetParameters} $0
    ClearErrors
    ${GetOptions} $0 "/NODESKTOP" $1
    ${IfNot} ${Errors}
        SectionSetFlags ${SecDesktop} 0
    ${EndIf}
!ifdef OCR_MODELS
    ; /NOOCR: without the OCR model package.
    ClearErrors
    ${GetOptions} $0 "/NOOCR" $1
    ${IfNot} ${Errors}
        SectionSetFlags ${SecOcr} 0
    ${EndIf}
!endif
FunctionEnd

Section "Uninstall"
    Delete "$INSTDIR\nianbao.exe"
    Delete "$INSTDIR\nianbao.ico"
    Delete "$INSTDIR\README.md"
    Delete "$INSTDIR\fonts\OFL-NotoSansSC.txt"
    Delete "$INSTDIR\fonts\OFL-NotoSerifSC.txt"
    Delete "$INSTDIR\fonts\OFL-LXGWWenKai.txt"
    RMDir "$INSTDIR\fonts"
    Delete "$INSTDIR\ocr-models\det.onnx"
    Delete "$INSTDIR\ocr-models\rec.onnx"
    Delete "$INSTDIR\ocr-models\characters.txt"
    Delete "$INSTDIR\ocr-models\LICENSE"
    Delete "$INSTDIR\ocr-models\MODEL_LICENSES.md"
    Delete "$INSTDIR\ocr-models\README.txt"
    Delete "$INSTDIR\ocr-models\SHA256SUMS"
    RMDir "$INSTDIR\ocr-models"
    Delete "$INSTDIR\uninstall.exe"
    RMDir "$INSTDIR"
    Delete "$SMPROGRAMS\${APP_NAME}.lnk"
    Delete "$DESKTOP\${APP_NAME}.lnk"

    ReadRegStr $0 HKCU "${CLASSES}\.ron" ""
    ${If} $0 == "${PROG_ID}"
        DeleteRegValue HKCU "${CLASSES}\.ron" ""
    ${EndIf}
    DeleteRegValue HKCU "${CLASSES}\.ron\OpenWithProgids" "${PROG_ID}"
    DeleteRegKey /ifempty HKCU "${CLASSES}\.ron\OpenWithProgids"
    DeleteRegKey /ifempty HKCU "${CLASSES}\.ron"
    DeleteRegKey HKCU "${CLASSES}\${PROG_ID}"
    DeleteRegKey HKCU "${CLASSES}\Applications\nianbao.exe"
    DeleteRegKey HKCU "${UNINSTALL_KEY}"
    System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
    ; The PDF fonts the editor unpacked for itself (a cache, %LOCALAPPDATA%\nianbao) go too.
    ; The clerk's settings, recent files and recovery copies (%APPDATA%\nianbao) are the
    ; clerk's, not the installer's: they stay, as do the drafts.
    RMDir /r "$LOCALAPPDATA\${APP_ID}"
SectionEnd
