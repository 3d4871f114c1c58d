import QtQuick
import Kiosk

// The small gold capitals above an attract slide's large type.
KText {
    width: parent ? parent.width : implicitWidth
    color: Theme.gold
    font.pixelSize: Theme.px(34)
    font.capitalization: Font.AllUppercase
    font.letterSpacing: Theme.px(4)
    wrapMode: Text.WordWrap
}
