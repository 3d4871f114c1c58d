import QtQuick
import Kiosk

// The start screen: the exhibition's title, what it is about in one sentence, and large entry tiles.
// Only sections that exist get a tile (no dead ends).
Item {
    id: home
    objectName: "homeScreen"

    required property var nav

    function citiesWord(n) { return Catalog.plural(n, qsTr("город"), qsTr("города"), qsTr("городов")) }

    readonly property bool portrait: Theme.portrait
    readonly property int sideMargin: Theme.margin * 2

    // A banner-red band down the left edge: the one decoration, calm and still.
    Rectangle {
        anchors { left: parent.left; top: parent.top; bottom: parent.bottom }
        width: Theme.px(16)
        color: Theme.red
    }

    Column {
        id: heading
        anchors {
            left: parent.left; leftMargin: home.sideMargin
            right: parent.right; rightMargin: home.sideMargin
            top: parent.top
            topMargin: home.portrait ? Theme.px(240) : Theme.px(150)
        }
        spacing: Theme.unit * 3

        Text {
            width: parent.width
            text: qsTr("Почётное звание Российской Федерации")
            textFormat: Text.PlainText
            color: Theme.gold
            font.family: Theme.sans
            font.pixelSize: Theme.labelSize
            font.capitalization: Font.AllUppercase
            font.letterSpacing: Theme.px(3)
            wrapMode: Text.WordWrap
        }
        Text {
            objectName: "homeTitle"
            width: parent.width
            text: qsTr("Города трудовой доблести")
            textFormat: Text.PlainText
            color: Theme.paper
            font.family: Theme.serif
            font.bold: true
            font.pixelSize: Theme.px(home.portrait ? 104 : 112)
            lineHeight: 1.05
            wrapMode: Text.WordWrap
        }
        Rectangle { width: Theme.px(160); height: Theme.px(6); color: Theme.red }
        Text {
            objectName: "homeSubtitle"
            width: parent.width
            text: qsTr("1941–1945") + "  ·  " + Database.cityCount + " " + home.citiesWord(Database.cityCount)
            textFormat: Text.PlainText
            color: Theme.gold
            font.family: Theme.serif
            font.pixelSize: Theme.px(48)
        }
        Text {
            width: Math.min(parent.width, Theme.readingWidth)
            // The wording of the decrees that confer the title, verbatim from the list's header
            // (db/seeds/003_*.txt): no paraphrase, every fact shown has a source.
            // \u00a0 keeps short words with the next one (Russian typography: no «в» at a line end).
            text: qsTr("«За\u00a0значительный вклад жителей городов в\u00a0достижение Победы в\u00a0Великой " +
                       "Отечественной войне 1941–1945 годов, обеспечение бесперебойного производства военной " +
                       "и\u00a0гражданской продукции на\u00a0промышленных предприятиях, проявленные при\u00a0этом " +
                       "массовый трудовой героизм и\u00a0самоотверженность»\u00a0— из\u00a0указов Президента " +
                       "Российской Федерации о\u00a0присвоении звания.")
            textFormat: Text.PlainText
            color: Theme.paperDim
            font.family: Theme.serif
            font.pixelSize: Theme.bodySize
            lineHeight: Theme.lineHeight
            wrapMode: Text.WordWrap
        }
    }

    // Entry tiles: a row in landscape, a column in portrait. Only Cities for now.
    Grid {
        id: tiles
        anchors {
            left: parent.left; leftMargin: home.sideMargin
            bottom: parent.bottom; bottomMargin: home.portrait ? Theme.px(240) : Theme.px(120)
        }
        columns: home.portrait ? 1 : 3
        spacing: Theme.unit * 4
        readonly property int tileWidth: home.portrait ? home.width - home.sideMargin * 2 : Theme.px(820)

        HomeTile {
            objectName: "tileCities"
            width: tiles.tileWidth
            icon: "mdi6.city-variant-outline"
            title: qsTr("Города")
            caption: qsTr("Все %1 %2: вклад в\u00a0Победу и\u00a0памятные места")
                        .arg(Database.cityCount).arg(home.citiesWord(Database.cityCount))
            onActivated: home.nav.cities()
        }
    }
}
