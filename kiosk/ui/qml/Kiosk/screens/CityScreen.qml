pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// One city: name, region, year, the full text in a comfortable measure, contribution tags, and the
// memorial card with a QR code of its map link. No headline here: headlines are excerpts of the text, so the
// page would say a sentence twice; they belong on cards and slides, and the page reads as one text. Swipe or the big buttons step through the CURRENT filtered
// order (Python: CityRecord's previousId/nextId); the shell's home/back bar stays above.
Item {
    id: screen
    objectName: "cityScreen"

    required property var nav   // var: Main.qml's navigator, an inline QtObject without a type of its own
    required property int cityId

    // Stepping to a neighbour changes what this screen shows; it does not push screens, so «Назад» still
    // returns to the list in one tap.
    property int currentId: cityId
    // Typed: every field below is a declared property of CityRecord (kiosk/ui/models/city_record.py).
    readonly property CityRecord city: CityRecord { catalog: Catalog; cityId: screen.currentId }
    readonly property bool known: city.known
    readonly property bool portrait: Theme.portrait
    // Landscape without a memorial: the contribution list moves from the header to the side column.
    readonly property bool factsAside: !portrait && known && !city.hasMemorial && city.tagCount > 0
    readonly property int sideWidth: Theme.px(560)
    readonly property int gap: Theme.unit * 2

    function step(targetId, direction) {
        if (targetId <= 0 || targetId === currentId)
            return
        currentId = targetId
        reading.scrolledByVisitor = false
        reading.positionViewAtBeginning()
        arrive.from = direction * Theme.px(72)
        arrival.restart()
    }
    function next() { step(city.nextId, 1) }
    // The cities screen with one filter set (a tag pill, the year badge): a fresh list, then that filter.
    function showCities(filter) {
        Catalog.clearAll()
        filter()
        nav.cities()
    }
    function previous() { step(city.previousId, -1) }

    // ---- everything that changes with the city slides as one page -----------------------------------------
    Item {
        id: page
        anchors.fill: parent

        ParallelAnimation {
            id: arrival
            NumberAnimation { id: arrive; target: page; property: "x"; to: 0; duration: Theme.normal; easing.type: Easing.OutCubic }
            NumberAnimation { target: page; property: "opacity"; from: 0.0; to: 1.0; duration: Theme.normal; easing.type: Easing.OutCubic }
        }

        ListView {
            id: reading
            objectName: "cityText"
            keyNavigationEnabled: false   // arrows move between its controls (ScreenStack), not an unseen current item
            anchors.top: parent.top
            anchors.topMargin: Theme.barHeight
            anchors.bottom: parent.bottom
            anchors.bottomMargin: screen.portrait ? navRow.height + Theme.unit * 6 : 0
            anchors.left: parent.left
            anchors.leftMargin: Theme.margin
            width: screen.portrait ? parent.width - Theme.margin * 2
                                   : Math.min(Theme.readingWidth + Theme.unit * 4, parent.width - Theme.margin * 3 - screen.sideWidth)
            clip: true
            boundsBehavior: Flickable.StopAtBounds
            flickDeceleration: Theme.px(2000)
            maximumFlickVelocity: Theme.px(5000)
            // Every passage made, not only those near the view: a screen reader reads the whole text (issue 22), and the
            // longest texts are a few thousand characters.
            cacheBuffer: 100000
            bottomMargin: Theme.unit * 6
            rightMargin: Theme.unit * 4
            model: screen.city.paragraphs
            // Once the visitor has scrolled, a header that settles late (a long text on a busy machine) must
            // not throw them back to the top.
            property bool scrolledByVisitor: false
            onMovementStarted: scrolledByVisitor = true

            // A horizontal mouse drag on the text steps to a neighbour; a vertical one scrolls the list.
            DragHandler {
                id: mouseSwipe
                target: null
                acceptedDevices: PointerDevice.Mouse
                xAxis.enabled: true
                yAxis.enabled: false
                grabPermissions: PointerHandler.CanTakeOverFromAnything
                onActiveTranslationChanged: if (active) swipeArea.moved(activeTranslation.x)
                onActiveChanged: if (!active) swipeArea.released()
            }

            header: Column {
                width: reading.width - Theme.unit * 4
                // The header settles its height after the first layout (fonts, wrapping): keep the title in
                // view until the visitor scrolls.
                onHeightChanged: if (!reading.scrolledByVisitor) Qt.callLater(reading.positionViewAtBeginning)
                spacing: Theme.unit * 2
                topPadding: Theme.unit * 4
                bottomPadding: Theme.unit * 4

                Row {
                    spacing: Theme.unit * 2
                    width: parent.width
                    YearBadge {
                        id: badge
                        objectName: "cityYear"
                        year: screen.known ? screen.city.year : 0
                        fontSize: Theme.labelSize
                        anchors.verticalCenter: parent.verticalCenter
                        // It looks like the filters' year chip, so it does what they do: every city of that year.
                        TapHandler {
                            gesturePolicy: TapHandler.ReleaseWithinBounds
                            onTapped: screen.showCities(() => Catalog.toggleYear(screen.city.year))
                        }
                        Accessible.role: Accessible.Button
                        Accessible.name: qsTr("Все города, получившие звание в %1 году").arg(screen.city.year)
                        Accessible.onPressAction: screen.showCities(() => Catalog.toggleYear(screen.city.year))
                        activeFocusOnTab: true
                        FocusRing { radius: height / 2 }
                    }
                    KText {
                        kind: KText.Secondary
                        anchors.verticalCenter: parent.verticalCenter
                        width: parent.width - badge.width - parent.spacing
                        text: screen.known ? qsTr("Звание присвоено в %1 году").arg(screen.city.year) : ""
                        wrapMode: Text.Wrap
                    }
                }
                KText {
                    objectName: "cityName"
                    kind: KText.Title
                    width: parent.width
                    text: screen.known ? screen.city.name : qsTr("Нет сведений о городе")
                    font.pixelSize: Theme.displaySize
                    font.bold: true
                    wrapMode: Text.Wrap
                    lineHeight: 1.05
                }
                KText {   // English mode: the Latin spelling beside the Russian name, never instead of it
                    objectName: "cityNameLatin"
                    kind: KText.Title
                    width: parent.width
                    visible: Language.english && text !== ""
                    text: screen.known ? screen.city.nameLatin : ""
                    color: Theme.gold
                    wrapMode: Text.Wrap
                }
                KText {
                    objectName: "cityRegion"
                    width: parent.width
                    visible: text !== ""
                    text: !screen.known ? "" : [screen.city.region, screen.city.federalDistrict].filter(s => s).join(" · ")
                    color: Theme.paperDim
                    wrapMode: Text.Wrap
                }
                ListenButton {   // «Слушать»: the page read aloud, in the order it is shown
                    objectName: "cityListen"
                    texts: !screen.known ? [] : [Language.english ? screen.city.nameLatin : screen.city.name,
                                                 screen.city.region,
                                                 qsTr("Звание присвоено в %1 году").arg(screen.city.year)]
                                                .concat(Language.english ? screen.city.summaryEn : [])
                                                .concat(screen.city.paragraphs)
                }
                NkCityLink {   // Novokuznetsk's card leads into its section
                    cityId: screen.currentId
                    onOpen: screen.nav.novokuznetsk("home", {})
                }
                LocatorMap {   // where the city is: the map screen's asset, small and still
                    objectName: "cityLocator"
                    cityId: screen.currentId
                    visible: placed
                    width: Math.min(parent.width, Theme.px(560)); height: Math.round(width * 0.5)
                    TapHandler {   // the small map opens the big one, on this city
                        gesturePolicy: TapHandler.ReleaseWithinBounds
                        onTapped: screen.nav.mapAt(screen.currentId)
                    }
                    Accessible.role: Accessible.Button
                    Accessible.name: qsTr("Открыть карту на этом городе")
                    Accessible.onPressAction: screen.nav.mapAt(screen.currentId)
                    activeFocusOnTab: true
                    FocusRing {}
                }
                Flow {
                    width: parent.width
                    spacing: Theme.unit * 2
                    visible: screen.city.tagCount > 0 && !screen.factsAside
                    topPadding: Theme.unit
                    Repeater {
                        model: screen.city.tags
                        // Looks like the filters' chip and does what it does: the cities with this contribution.
                        Rectangle {
                            id: tag
                            required property string tagId
                            required property string label
                            required property string icon
                            objectName: "cityTag_" + tag.tagId
                            TapHandler {
                                gesturePolicy: TapHandler.ReleaseWithinBounds
                                onTapped: screen.showCities(() => Catalog.toggleTag(tag.tagId))
                            }
                            Accessible.role: Accessible.Button
                            Accessible.name: tag.label
                            Accessible.onPressAction: screen.showCities(() => Catalog.toggleTag(tag.tagId))
                            activeFocusOnTab: true
                            FocusRing { radius: height / 2 }
                            height: Theme.touch   // a touch target now (≥ 64 px at 1080p)
                            width: tagRow.implicitWidth + Theme.unit * 4
                            radius: height / 2
                            color: "transparent"
                            border.width: Math.max(1, Theme.px(2))
                            border.color: Theme.line
                            Row {
                                id: tagRow
                                anchors.centerIn: parent
                                spacing: Theme.unit
                                Image {
                                    anchors.verticalCenter: parent.verticalCenter
                                    width: Theme.px(30); height: width
                                    sourceSize: Qt.size(width, height)
                                    source: Theme.icon(tag.icon, Theme.gold)
                                }
                                KText {
                                    kind: KText.Small
                                    anchors.verticalCenter: parent.verticalCenter
                                    text: tag.label
                                }
                            }
                        }
                    }
                }
                Rectangle {
                    width: Theme.px(120); height: Math.max(2, Theme.px(3))
                    color: Theme.red
                }
                ImageGallery {  // the city's photographs (kiosk-db add-image); a tap opens the viewer below
                    objectName: "cityGallery"
                    width: parent.width
                    images: screen.known ? screen.city.images : []
                    onOpened: (index) => viewer.open(index)
                }
                KText {   // English mode: the summary is the exhibition's own English, not the list's text
                    objectName: "citySummaryNote"
                    kind: KText.Small
                    width: parent.width
                    visible: screen.known && screen.city.summaryEn.length > 0
                    text: qsTr("Краткое изложение выставки")
                    color: Theme.gold
                    font.capitalization: Font.AllUppercase
                    font.letterSpacing: Theme.px(2)
                    wrapMode: Text.Wrap
                }
                Repeater {   // English mode: the exhibition's editorial English summary, before the Russian source text
                    model: screen.known ? screen.city.summaryEn : []
                    delegate: KText {
                        required property string modelData
                        objectName: "citySummaryEn"
                        kind: KText.Body
                        width: parent.width
                        text: modelData
                        lineHeight: Theme.lineHeight
                        wrapMode: Text.Wrap
                    }
                }
                RussianTextNote {
                    objectName: "russianTextNote"
                    width: parent.width
                    visible: Language.english && screen.known && screen.city.paragraphs.length > 0
                }
                EditorialNote {   // a city the list lacks: the text below is the exhibition's own
                    objectName: "cityEditorialNote"
                    width: parent.width
                    visible: screen.known && screen.city.editorial
                }
                KText {
                    objectName: "cityNoText"
                    kind: KText.Body
                    visible: screen.known && screen.city.paragraphs.length === 0
                    width: parent.width
                    text: qsTr("Рассказ об этом городе готовится.")
                    color: Theme.paperDim
                    wrapMode: Text.Wrap
                }
            }

            delegate: KText {
                kind: KText.Body
                required property string modelData
                width: reading.width - Theme.unit * 4
                text: modelData
                lineHeight: Theme.lineHeight
                wrapMode: Text.Wrap
                bottomPadding: Theme.unit * 3
            }

            footer: Item {
                width: reading.width - Theme.unit * 4
                height: (editorialSources.visible ? editorialSources.height + Theme.unit * 2 : 0)
                        + (screen.portrait ? footerCard.height + Theme.unit * 6 : 0)
                EditorialSources {   // an editorial text's public sources, after the text they back
                    id: editorialSources
                    objectName: "cityEditorialSources"
                    width: parent.width
                    visible: screen.known && screen.city.editorial
                    sources: screen.known ? screen.city.sourceTitles : []
                }
                MemorialCard {
                    id: footerCard
                    visible: screen.portrait
                    y: (editorialSources.visible ? editorialSources.height + Theme.unit * 2 : 0) + Theme.unit * 4
                    width: parent.width
                    height: implicitHeight
                    memorial: screen.portrait && screen.known ? screen.city.memorial : null
                }
            }
        }

        // A thin, still indicator of how much text there is and where the reader is.
        Rectangle {
            visible: reading.contentHeight > reading.height * 1.05
            anchors.left: reading.right
            y: reading.y + reading.visibleArea.yPosition * reading.height
            width: Theme.px(6)
            height: Math.max(Theme.px(48), reading.visibleArea.heightRatio * reading.height)
            radius: width / 2
            color: Theme.line
        }

        // Landscape: the right column holds the memorial card; where the list gives no memorial, the city's
        // contribution comes first (and leaves the header), so the column is not a short note over emptiness.
        // With «Aa» or a long memorial the column can be taller than the room above the buttons: it scrolls,
        // so the memorial card and its QR code are always whole somewhere (never cut at the bottom).
        Flickable {
            id: sideScroll
            objectName: "sideScroll"
            visible: !screen.portrait
            anchors { right: parent.right; rightMargin: Theme.margin; top: parent.top }
            anchors.topMargin: Theme.barHeight + Theme.unit * 4
            width: screen.sideWidth
            height: Math.min(contentHeight, navRow.y - y - Theme.unit * 4)
            contentHeight: sideColumn.implicitHeight
            interactive: contentHeight > height
            boundsBehavior: Flickable.StopAtBounds
            clip: true
            Column {
                id: sideColumn
                objectName: "sideColumn"
                width: sideScroll.width
                spacing: screen.gap
                CityFacts {
                    width: parent.width
                    height: implicitHeight
                    visible: screen.factsAside
                    tags: screen.factsAside ? screen.city.tags : null
                }
                MemorialCard {
                    id: sideCard
                    width: parent.width
                    height: implicitHeight
                    memorial: !screen.portrait && screen.known ? screen.city.memorial : null
                }
            }
        }
    }

    // ---- previous / next in the current order --------------------------------------------------------------
    component StepButton: Rectangle {
        id: stepper
        property string caption: ""
        property string cityName: ""
        property bool forward: true
        signal activated()
        // The width the name needs on one line beside the arrow: a long single word («Магнитогорск») cannot wrap,
        // so the two buttons then stand one above the other (navRow).
        readonly property real nameNeeds: nameMetrics.advanceWidth + Theme.px(44) + Theme.unit * 6
        TextMetrics { id: nameMetrics; font: nameText.font; text: nameText.text }
        // Names whole («Нижний Новгород», not «Нижний …»): the lines wrap and the button grows.
        implicitHeight: Math.max(Theme.touchLarge + Theme.unit * 2, labels.implicitHeight + Theme.unit * 3)
        radius: Theme.radius
        color: tap.pressed ? Theme.groundPressed : Theme.groundRaised
        border.width: Math.max(1, Theme.px(2))
        border.color: Theme.line
        opacity: enabled ? 1.0 : Theme.dimmed
        Accessible.role: Accessible.Button
        Accessible.name: caption + " " + cityName
        Accessible.ignored: !visible
        Accessible.onPressAction: if (stepper.visible && stepper.enabled) stepper.activated()
        activeFocusOnTab: true
        FocusRing { radius: stepper.radius }

        Image {
            id: arrow
            anchors.verticalCenter: parent.verticalCenter
            x: stepper.forward ? parent.width - width - Theme.unit * 2 : Theme.unit * 2
            width: Theme.px(44); height: width
            sourceSize: Qt.size(width, height)
            source: Theme.icon(stepper.forward ? "mdi6.chevron-right" : "mdi6.chevron-left", Theme.paper)
        }
        Column {
            id: labels
            anchors.verticalCenter: parent.verticalCenter
            x: stepper.forward ? Theme.unit * 3 : arrow.x + arrow.width + Theme.unit
            width: parent.width - arrow.width - Theme.unit * 6
            KText {
                kind: KText.Secondary
                width: parent.width
                text: stepper.caption
                wrapMode: Text.WordWrap
            }
            KText {
                id: nameText
                kind: KText.Body
                width: parent.width
                text: stepper.cityName !== "" ? stepper.cityName : "—"
                font.pixelSize: Theme.fpx(30)
                font.bold: true
                wrapMode: Text.WordWrap
            }
        }
        TapHandler {
            id: tap
            gesturePolicy: TapHandler.ReleaseWithinBounds
            longPressThreshold: 0   // held long (slow finger, mouse-like frame): still a tap
            onTapped: stepper.activated()
        }
    }

    Item {
        id: navRow
        objectName: "navRow"
        anchors { right: parent.right; rightMargin: Theme.margin; bottom: parent.bottom; bottomMargin: Theme.unit * 4 }
        width: screen.portrait ? parent.width - Theme.margin * 2 : screen.sideWidth
        height: position.height + Theme.unit + buttons.height

        KText {
            id: position
            objectName: "cityPosition"
            kind: KText.Secondary
            anchors.horizontalCenter: parent.horizontalCenter
            text: screen.city.position > 0 ? qsTr("%1 из %2").arg(screen.city.position).arg(screen.city.count) : ""
        }
        // Side by side; with «Aa» in landscape's narrow column, or a name too long for half the row, one above the
        // other, so a name is never split.
        Grid {
            id: buttons
            anchors { bottom: parent.bottom; left: parent.left; right: parent.right }
            readonly property real half: (width - spacing) / 2
            columns: (Theme.textScale > 1 && !screen.portrait) || prevButton.nameNeeds > half || nextButton.nameNeeds > half
                     ? 1 : 2
            spacing: screen.gap
            StepButton {
                id: prevButton
                objectName: "prevCity"
                width: buttons.columns === 1 ? buttons.width : (buttons.width - buttons.spacing) / 2
                height: Math.max(implicitHeight, nextButton.implicitHeight)
                forward: false
                caption: qsTr("Предыдущий")
                cityName: screen.city.previousName
                enabled: screen.city.previousId > 0
                onActivated: screen.previous()
            }
            StepButton {
                id: nextButton
                objectName: "nextCity"
                width: buttons.columns === 1 ? buttons.width : (buttons.width - buttons.spacing) / 2
                height: Math.max(implicitHeight, prevButton.implicitHeight)
                forward: true
                caption: qsTr("Следующий")
                cityName: screen.city.nextName
                enabled: screen.city.nextId > 0
                onActivated: screen.next()
            }
        }
    }

    // ---- horizontal swipe anywhere: left → next, right → previous ------------------------------------------
    // Touch: a handler over the whole page that takes only a passive grab, so taps and vertical scrolling go to
    // what is underneath. A mouse (school PCs, touch frames that report a mouse) would lose its vertical drag
    // to that overlay, so mouse swipes are caught on the text itself (`mouseSwipe` in the reading list).
    Item {
        id: swipeArea
        anchors.fill: parent
        anchors.topMargin: Theme.barHeight
        objectName: "swipeArea"
        property real dx: 0
        function moved(dx) {
            swipeArea.dx = dx
            if (!arrival.running)
                page.x = dx * 0.35
        }
        function released() {
            const dx = swipeArea.dx
            swipeArea.dx = 0
            if (dx < -Theme.px(120) && screen.city.nextId > 0)
                screen.next()
            else if (dx > Theme.px(120) && screen.city.previousId > 0)
                screen.previous()
            else
                settle.restart()
        }
        DragHandler {
            id: swipe
            enabled: !viewer.shown  // the photographs' own swipe moves between pictures, not cities
            target: null
            acceptedDevices: PointerDevice.TouchScreen
            xAxis.enabled: true
            yAxis.enabled: false
            grabPermissions: PointerHandler.CanTakeOverFromAnything
            onActiveTranslationChanged: if (active) swipeArea.moved(activeTranslation.x)
            onActiveChanged: if (!active) swipeArea.released()
        }
        NumberAnimation { id: settle; target: page; property: "x"; to: 0; duration: Theme.fast; easing.type: Easing.OutCubic }
    }

    ImageViewer {  // photographs full screen: over the page and its swipe, below the shell's bar
        id: viewer
        anchors.fill: parent
        anchors.topMargin: Theme.barHeight
        images: screen.known ? screen.city.images : []
    }
}
