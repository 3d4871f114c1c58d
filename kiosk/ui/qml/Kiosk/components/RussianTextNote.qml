import QtQuick
import Kiosk

// English mode, where a text exists only in Russian: a small, calm note above it. Seed texts are sources and
// are never machine-translated, so the visitor is told why the text that follows is in Russian.
Row {
    id: note
    spacing: Theme.unit * 1.5
    Image {
        anchors.verticalCenter: parent.verticalCenter
        width: Theme.fpx(30); height: width
        sourceSize: Qt.size(width, height)
        source: Theme.icon("mdi6.translate-off", Theme.paperDim)
    }
    KText {
        kind: KText.Secondary
        width: note.width - x
        anchors.verticalCenter: parent.verticalCenter
        text: qsTr("Текст ниже — на русском языке, как в источнике.")
        font.italic: true
        wrapMode: Text.Wrap
    }
}
