pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// One attract-mode card. AttractScreen keeps two and only swaps which is in front, so nothing is created per
// slide: `slide` (one of the attract service's two SlideRecords) is refilled, the layouts below follow. Kinds: title, city,
// event, figure, curator. Texts from the database are shown verbatim, as plain text.
Item {
    id: card

    required property SlideRecord slide
    property bool shown: false
    property int fadeMs: 900
    property int slideMs: 8000

    readonly property string kind: slide.kind
    readonly property bool portrait: Theme.portrait
    readonly property int side: Theme.margin * (portrait ? 2 : 3)

    // A crossfade of two opaque cards: the incoming card is at once whole, beneath; the outgoing one lies on top
    // and fades out. No layer: the software renderer's layer costs two card-sized images (13 MiB at 1080p, 54
    // at 4K) for every fade, and fading one card over an opaque one runs as fast without it (attract_bench:
    // crossfade fps / bare window 1.37–1.40 without, 1.22–1.50 with, same run). The card carries the ground
    // colour itself, so nothing of the home screen shows through.
    opacity: 0
    visible: opacity > 0
    z: shown ? 0 : 1
    Rectangle { anchors.fill: parent; color: Theme.ground }
    NumberAnimation {   // only the way out is animated
        id: fadeOut
        target: card; property: "opacity"; to: 0
        duration: card.fadeMs
        easing.type: Easing.InOutQuad
    }

    // The slow pan/zoom on the large type: starts over each time this card comes to the front and lasts the
    // slide's whole time, so the type never stops on the same pixels.
    property real drift: 0
    function follow() {
        if (shown) {
            fadeOut.stop()
            opacity = 1
            drift = 0
            driftAnim.restart()
        } else {
            driftAnim.stop()
            fadeOut.restart()
        }
    }
    onShownChanged: follow()
    Component.onCompleted: if (shown) follow()
    SequentialAnimation {
        id: driftAnim
        PauseAnimation { duration: card.fadeMs }
        NumberAnimation {
            target: card; property: "drift"; from: 0; to: 1
            duration: card.slideMs
            easing.type: Easing.InOutSine
        }
    }

    Item {
        id: stage
        objectName: "attractStage"
        anchors.fill: parent
        anchors.leftMargin: card.side
        anchors.rightMargin: card.side
        transform: [
            Scale {
                origin.x: stage.width / 2; origin.y: stage.height / 2
                xScale: 1 + 0.04 * card.drift; yScale: xScale
            },
            Translate { x: Theme.px(24) * card.drift }
        ]

        // --- title: the exhibition's name ---
        Column {
            visible: card.kind === "title"
            anchors.verticalCenter: parent.verticalCenter
            width: parent.width
            spacing: Theme.unit * 4
            AttractLabel { text: qsTr("Почётное звание Российской Федерации") }
            KText {
                kind: KText.Title
                width: parent.width
                text: qsTr("Города трудовой доблести")
                font.bold: true
                font.pixelSize: Theme.px(card.portrait ? 128 : 150)
                lineHeight: 1.02
                wrapMode: Text.WordWrap
            }
            Rectangle { width: Theme.px(200); height: Theme.px(8); color: Theme.red }
            KText {
                kind: KText.Title
                width: parent.width
                text: qsTr("1941–1945") + "  ·  " + qsTranslate("Catalog", "%n городов", "", card.slide.count)
                color: Theme.gold
                font.pixelSize: Theme.px(64)
            }
        }

        // --- city: name, region, year, headline, tags; its place on the map beside (landscape) or below ---
        LocatorMap {
            id: locator
            objectName: "attractLocator"
            readonly property bool wanted: card.kind === "city" && placed
            visible: wanted
            cityId: card.kind === "city" ? card.slide.cityId : 0
            width: card.portrait ? parent.width : Math.round(parent.width * 0.3)
            height: Math.round(width * 0.6)
            anchors.right: parent.right
            anchors.verticalCenter: card.portrait ? undefined : parent.verticalCenter
            anchors.top: card.portrait ? cityColumn.bottom : undefined
            anchors.topMargin: Theme.unit * 8
        }
        Column {
            id: cityColumn
            objectName: "attractCity"
            visible: card.kind === "city"
            anchors.verticalCenter: parent.verticalCenter
            anchors.verticalCenterOffset: card.portrait && locator.wanted ? -(locator.height + Theme.unit * 8) / 2 : 0
            width: card.portrait || !locator.wanted ? parent.width : parent.width - locator.width - Theme.unit * 8
            spacing: Theme.unit * 3
            // The longest name, headline and four tags together still fit: the block shrinks a little, never cut.
            scale: Math.min(1, (parent.height - Theme.unit * 12) / Math.max(1, height))
            transformOrigin: Item.Left
            Row {
                spacing: Theme.unit * 3
                AttractLabel { anchors.verticalCenter: parent.verticalCenter; text: qsTr("Город трудовой доблести"); width: implicitWidth }
                YearBadge { anchors.verticalCenter: parent.verticalCenter; year: card.slide.year; fontSize: Theme.px(32) }
            }
            // The name wraps between words (and after hyphens); only a single word too wide for the column
            // («Магнитогорск» in portrait) makes the type smaller, just enough to fit.
            TextMetrics {
                id: longestWord
                font.family: Theme.serif
                font.bold: true
                font.pixelSize: cityName.baseSize
                text: card.kind === "city" ? card.slide.title.replace(/-/g, "- ").split(/\s+/)
                                                 .reduce((a, b) => a.length >= b.length ? a : b, "") : ""
            }
            KText {
                id: cityName
                kind: KText.Title
                objectName: "attractCityName"
                readonly property int baseSize: Theme.px(card.portrait ? 120 : 112)
                width: parent.width
                text: card.kind === "city" ? card.slide.title : ""
                font.bold: true
                font.pixelSize: Math.floor(baseSize * Math.min(1, width / Math.max(1, longestWord.advanceWidth)))
                lineHeight: 1.02
                wrapMode: Text.WordWrap
                maximumLineCount: 3
            }
            KText {
                kind: KText.Secondary
                width: parent.width
                text: card.kind === "city" ? card.slide.subtitle : ""
                font.pixelSize: Theme.px(44)
                wrapMode: Text.WordWrap
            }
            Rectangle { width: Theme.px(160); height: Theme.px(6); color: Theme.red }
            KText {
                kind: KText.Title
                width: Math.min(parent.width, Theme.px(1400))
                text: card.kind === "city" ? "«" + card.slide.text + "»" : ""
                font.pixelSize: Theme.px(42)
                lineHeight: 1.35
                wrapMode: Text.WordWrap
            }
            KText {   // a city the list lacks (Вологда): its words are the exhibition's, not the list's
                objectName: "attractEditorial"
                kind: KText.Secondary
                visible: card.kind === "city" && card.slide.editorial
                width: parent.width
                text: qsTr("Текст экспозиции по открытым источникам: в перечне этого города нет.")
                font.pixelSize: Theme.px(30)
                font.italic: true
                wrapMode: Text.WordWrap
            }
            Flow {
                width: parent.width
                spacing: Theme.unit * 4
                Repeater {
                    model: card.kind === "city" ? card.slide.icons.length : 0
                    Row {
                        id: tagRow
                        required property int index
                        spacing: Theme.unit * 1.5
                        Image {
                            anchors.verticalCenter: parent.verticalCenter
                            width: Theme.px(52); height: width
                            sourceSize: Qt.size(width, height)
                            source: Theme.icon(card.slide.icons[tagRow.index], Theme.gold)
                        }
                        KText {
                            kind: KText.Secondary
                            anchors.verticalCenter: parent.verticalCenter
                            text: card.slide.labels[tagRow.index] ?? ""
                            font.pixelSize: Theme.px(30)
                        }
                    }
                }
            }
        }

        // --- event: «В этот день» or its date; figure: a large number; curator: title and text ---
        // Everything whole on the card, never cut with «…»: when the texts and the picture are taller than the
        // stage, the type steps down (never under 32 px for the text at 1080p) and the picture gets smaller.
        Column {
            id: textColumn
            objectName: "attractText"
            property int level: 0
            // The last step gives up the picture: only a slide at every limit at once (600 characters in both
            // languages, a picture, a small screen) gets there; its words are what it is for.
            readonly property list<int> titleSizes: [card.kind === "figure" ? 180 : (card.portrait ? 96 : 112), 88, 76, 64, 56, 48, 44, 40, 40]
            readonly property list<int> bodySizes: [46, 42, 38, 35, 32, 32, 30, 28, 28]
            readonly property list<real> pictureShare: [1.0, 0.85, 0.7, 0.6, 0.5, 0.4, 0.3, 0.25, 0]
            function refit() {
                level = 0
                Qt.callLater(shrink)
            }
            function shrink() {
                // 0.94: the slow drift scales the stage up by 4 %, the column must stay clear of the hint then too
                if (visible && implicitHeight > stage.height * 0.94 && level < bodySizes.length - 1) {
                    level += 1
                    Qt.callLater(shrink)
                }
            }
            onImplicitHeightChanged: Qt.callLater(shrink)
            Connections {
                target: card.slide
                function onChanged() { textColumn.refit() }
            }
            Connections {
                target: stage
                function onHeightChanged() { textColumn.refit() }
                function onWidthChanged() { textColumn.refit() }
            }
            visible: card.kind === "event" || card.kind === "figure" || card.kind === "curator"
            anchors.verticalCenter: parent.verticalCenter
            width: parent.width
            spacing: Theme.unit * (level < 5 ? 4 : 2)
            Image {   // a curator slide's picture; a broken one arrives as the provider's calm placeholder
                objectName: "attractPicture"
                visible: card.kind === "curator" && card.slide.picture !== "" && textColumn.pictureShare[textColumn.level] > 0
                width: parent.width
                height: visible ? Math.round(Theme.px(card.portrait ? 560 : 400) * textColumn.pictureShare[textColumn.level]) : 0
                source: card.kind === "curator" ? card.slide.picture : ""
                sourceSize.height: height
                fillMode: Image.PreserveAspectFit
                horizontalAlignment: Image.AlignLeft
                asynchronous: true
            }
            AttractLabel {
                objectName: "attractOnThisDay"
                visible: card.kind === "event"
                text: card.slide.today ? qsTr("В этот день") + "  ·  " + card.slide.date : card.slide.date
                color: card.slide.today ? Theme.redBright : Theme.gold
                font.pixelSize: Theme.px(card.slide.today ? 44 : 34)
            }
            KText {
                kind: KText.Title
                width: parent.width
                text: card.slide.title
                color: card.kind === "figure" ? Theme.gold : Theme.paper
                font.bold: true
                font.pixelSize: Theme.px(textColumn.titleSizes[textColumn.level])
                lineHeight: 1.05
                wrapMode: Text.Wrap
            }
            Text {   // a figure's unit: «тысячи человек»
                visible: card.kind === "figure"
                width: parent.width
                text: card.kind === "figure" ? card.slide.subtitle : ""
                textFormat: Text.PlainText
                color: Theme.paper
                font.family: Theme.serif
                font.pixelSize: Theme.px(64)
                wrapMode: Text.WordWrap
            }
            Rectangle { width: Theme.px(160); height: Theme.px(6); color: Theme.red }
            KText {
                kind: KText.Title
                width: Math.min(parent.width, Theme.px(1400))
                text: card.slide.text
                font.pixelSize: Theme.px(textColumn.bodySizes[textColumn.level])
                lineHeight: 1.35
                wrapMode: Text.Wrap
            }
            Text {   // a curator slide's English, where curators wrote one: under the Russian, quieter
                objectName: "attractSlideEnglish"
                visible: card.kind === "curator" && text !== ""
                width: Math.min(parent.width, Theme.px(1400))
                text: card.kind === "curator" ? [card.slide.titleEn, card.slide.textEn]
                                                    .filter(s => s !== "").join(" — ") : ""
                textFormat: Text.PlainText
                color: Theme.paperDim
                font.family: Theme.serif
                font.italic: true
                font.pixelSize: Theme.px(Math.max(28, 36 - textColumn.level * 2))
                lineHeight: 1.3
                wrapMode: Text.Wrap
            }
        }
    }
}
