import QtQuick
import Kiosk

// A city the list of titles lacks (Вологда) is told in the exhibition's own words: the visitor is told so before
// the text; its public sources follow the text (EditorialSources).
Row {
    id: note
    spacing: Theme.unit * 1.5
    Image {
        anchors.verticalCenter: parent.verticalCenter
        width: Theme.fpx(30); height: width
        sourceSize: Qt.size(width, height)
        source: Theme.icon("mdi6.pencil-outline", Theme.gold)
    }
    KText {
        objectName: "editorialNoteText"
        kind: KText.Secondary
        width: note.width - x
        anchors.verticalCenter: parent.verticalCenter
        text: qsTr("Этого города нет в перечне-источнике: текст о нём написан экспозицией по открытым источникам.")
        font.italic: true
        wrapMode: Text.Wrap
    }
}
