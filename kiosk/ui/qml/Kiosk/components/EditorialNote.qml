import QtQuick
import Kiosk

// A city the list of titles lacks (Вологда) is told in the exhibition's own words: the visitor is told so, and
// which public sources its facts come from (their names only; the kiosk opens no links).
Column {
    id: note
    property var sources: []
    spacing: Theme.unit
    Row {
        width: note.width
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
    KText {
        objectName: "editorialSources"
        kind: KText.Secondary
        width: note.width
        visible: note.sources.length > 0
        text: qsTr("Источники: %1.").arg(note.sources.join("; "))
        wrapMode: Text.Wrap
    }
}
