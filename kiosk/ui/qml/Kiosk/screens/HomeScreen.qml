import QtQuick
import Kiosk

// The start screen: the exhibition's title, what it is about in one sentence, and large entry tiles.
// Only sections that exist get a tile (no dead ends).
//
// Layout: landscape puts the heading in the left column and the tiles, stacked, in the right one; portrait
// puts the tiles under the heading. Both are computed from the heading's real height, so nothing can be
// drawn over the decree's words at any size (tests/ui: the home geometry test at four window sizes).
// Room for three tiles: «Города», «Новокузнецк» and «Карта» (shown once the map screen exists: showMap), and
// a slim fourth, «Викторина», under them.
Item {
    id: home
    objectName: "homeScreen"

    required property var nav   // var: Main.qml's navigator, an inline QtObject without a type of its own
    property bool showMap: true   // the map screen exists (nav.map())


    readonly property bool portrait: Theme.portrait
    readonly property int sideMargin: Theme.margin * 2
    readonly property int gap: Theme.unit * 8
    // «Aa»: tiles grow with their captions (by half the text's growth: the title's type stays).
    // «Aa» (landscape): tiles grow with their captions, by half the text's growth, as far as the column has
    // room; portrait tiles are wide enough for the larger captions and leave the room to the quote.
    readonly property bool compactTiles: !portrait && (width / height < 1.7 || Theme.textScale > 1)
    readonly property int tileCount: 1 + (Novokuznetsk.available ? 1 : 0) + (showMap ? 1 : 0)
    // «Викторина» is a slimmer tile under the others (its title alone): the three keep room for their captions.
    readonly property int quizTileHeight: Math.round(Theme.px(portrait ? 100 : 120) * (1 + (Theme.textScale - 1) / 2))
    readonly property int tileHeight: portrait ? Theme.px(Theme.textScale > 1 ? 228 : 200)
        : Math.min(Math.round(Theme.px(248) * (1 + (Theme.textScale - 1) / 2)),
                   Math.max(Theme.px(200), Math.floor((height - Theme.px(96) - Theme.px(48) - tileCount * Theme.unit * 4
                                                        - quizTileHeight) / tileCount)))

    // A banner-red band down the left edge: the one decoration, calm and still.
    Rectangle {
        anchors { left: parent.left; top: parent.top; bottom: parent.bottom }
        width: Theme.px(16)
        color: Theme.red
    }

    Column {
        id: heading
        objectName: "homeHeading"
        x: home.sideMargin
        y: home.portrait ? Theme.px(136) : Math.max(Theme.px(96), (home.height - height) / 2)
        // 16:10 and narrower landscapes give the heading a larger share, or the decree's words run too long.
        width: home.portrait ? home.width - home.sideMargin * 2
                             : Math.round((home.width - home.sideMargin * 2 - home.gap)
                                          * (home.width / home.height >= 1.7 ? 0.52 + (Theme.textScale - 1) * 0.2 : 0.55))
        // («Aa» on a wide screen: the quote gets more of the width; four tiles share the height, so their captions
        // must stay two lines: with «Aa» and on 16:10 they draw a smaller icon and no chevron, `compactTiles`)
        spacing: Theme.unit * 3

        KText {
            id: kicker
            objectName: "homeKicker"
            width: parent.width
            text: qsTr("Почётное звание Российской Федерации")
            color: Theme.gold
            font.pixelSize: Theme.px(28)   // a label in capitals: «Aa» leaves it, so the quote gets the room
            font.capitalization: Font.AllUppercase
            font.letterSpacing: Theme.px(3)
            wrapMode: Text.WordWrap
        }
        KText {
            id: title
            objectName: "homeTitle"
            kind: KText.Title
            width: parent.width
            text: qsTr("Города трудовой доблести")
            font.bold: true
            font.pixelSize: Theme.px(home.portrait ? 96 : 92)
            lineHeight: 1.05
            wrapMode: Text.WordWrap
        }
        Rectangle { id: rule; width: Theme.px(160); height: Theme.px(6); color: Theme.red }
        KText {
            id: subtitle
            objectName: "homeSubtitle"
            kind: KText.Title
            width: parent.width
            text: qsTr("1941–1945") + "  ·  " + qsTranslate("Catalog", "%n городов", "", Database.cityCount)
            color: Theme.gold
            font.pixelSize: Theme.px(48)
        }
        KText {
            id: quote
            objectName: "homeQuote"
            kind: KText.Body
            width: Math.min(parent.width, Theme.readingWidth)
            // The wording of the decrees that confer the title, verbatim from the list's header
            // (db/seeds/003_*.txt): no paraphrase, every fact shown has a source.
            // \u00a0 keeps short words with the next one (Russian typography: no «в» at a line end).
            text: qsTr("«За\u00a0значительный вклад жителей городов в\u00a0достижение Победы в\u00a0Великой " +
                       "Отечественной войне 1941–1945 годов, обеспечение бесперебойного производства военной " +
                       "и\u00a0гражданской продукции на\u00a0промышленных предприятиях, проявленные при\u00a0этом " +
                       "массовый трудовой героизм и\u00a0самоотверженность»\u00a0— из\u00a0указов Президента " +
                       "Российской Федерации о\u00a0присвоении звания.")
            color: Theme.paperDim
            // The room the screen leaves for the quote: with «Aa» (or a long translation) its type grows only as far
            // as that room allows, never under 28 px at 1080p, rather than running into the tiles or off the screen.
            // A wrapped text's height grows about with the square of its size.
            readonly property real room: home.quoteRoom - kicker.height - title.height - rule.height
                                         - subtitle.height - heading.spacing * 4
            font.pixelSize: Math.max(Theme.px(28), Math.min(Theme.bodySize,
                                Math.floor(Theme.bodySize * Math.sqrt(Math.max(0, room) / quoteFull.implicitHeight) * 0.97)))
            lineHeight: Theme.lineHeight
            wrapMode: Text.WordWrap
        }
    }

    // РУС / ENG and «Aa»: top right, where the top bar has them on every other screen.
    LanguageBar {
        objectName: "homeLanguageBar"
        anchors { right: parent.right; rightMargin: home.sideMargin; top: parent.top; topMargin: Theme.px(20) }
    }

    // The quote at its full size, never shown: how tall it would be if the screen had the room.
    KText {
        id: quoteFull
        kind: KText.Body
        visible: false
        width: Math.min(heading.width, Theme.readingWidth)
        text: quote.text
        lineHeight: Theme.lineHeight
        wrapMode: Text.WordWrap
    }
    // Height for the whole heading: landscape between its margins, portrait above the tiles.
    readonly property real quoteRoom: portrait ? height - Theme.px(136) - gap - tiles.height - Theme.px(72)
                                               : height - Theme.px(96) * 2

    // Entry tiles: stacked in the right column (landscape) or under the heading (portrait).
    Column {
        id: tiles
        objectName: "homeTiles"
        x: home.portrait ? home.sideMargin : heading.x + heading.width + home.gap
        width: home.portrait ? heading.width : home.width - x - home.sideMargin
        y: home.portrait ? Math.max(heading.y + heading.height + home.gap, home.height - Theme.px(72) - height)
                         : Math.max(Theme.px(96), (home.height - height) / 2)
        spacing: home.portrait ? Theme.unit * 3 : Theme.unit * 4   // portrait: four tiles under the quote

        HomeTile {
            objectName: "tileCities"
            compact: home.compactTiles
            width: tiles.width
            height: home.tileHeight
            icon: "mdi6.city-variant-outline"
            title: qsTr("Города")
            caption: qsTr("Все %n городов: вклад в\u00a0Победу и\u00a0памятные места", "", Database.cityCount)
            onActivated: home.nav.cities()
        }
        HomeTile {
            objectName: "tileNovokuznetsk"
            compact: home.compactTiles
            visible: Novokuznetsk.available
            width: tiles.width
            height: home.tileHeight
            icon: "mdi6.factory"
            title: qsTr("Новокузнецк")
            caption: qsTr("Кузница Победы: комбинат, фронт, подвиги, награды")
            onActivated: home.nav.novokuznetsk("home", {})
        }
        HomeTile {
            objectName: "tileMap"
            compact: home.compactTiles
            visible: home.showMap
            width: tiles.width
            height: home.tileHeight
            icon: "mdi6.map-outline"
            title: qsTr("Карта")
            caption: qsTr("Города на карте России")
            onActivated: home.nav.map()
        }
        HomeTile {
            objectName: "tileQuiz"
            compact: home.compactTiles
            width: tiles.width
            height: home.quizTileHeight
            icon: "mdi6.help-circle-outline"
            title: qsTr("Викторина")
            caption: ""   // slim: the title says it, the quiz's own screen explains
            onActivated: home.nav.quiz()
        }
    }
}
