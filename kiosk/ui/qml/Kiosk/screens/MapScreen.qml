pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// «Карта»: the cities where they are, in their year's colours, with the legend that is also the year control:
// tap a year to see the cities titled up to then, or play the waves 2020 → 2025. A tap on a city opens its
// page; where cities crowd, a chooser lists them. Cities without coordinates are listed beside the map.
Item {
    id: screen
    objectName: "mapScreen"

    required property var nav   // var: Main.qml's navigator, an inline QtObject without a type of its own

    readonly property bool portrait: Theme.portrait
    readonly property list<int> years: CityMap.years
    readonly property int lastYear: years.length > 0 ? years[years.length - 1] : 9999
    property int shownYear: lastYear
    readonly property bool playing: waves.running
    // Opened from a city page's small map: the view starts on that city, closer in.
    property int focusCity: 0
    property bool focused: false
    function focusOnCity() {
        if (focused || focusCity <= 0 || mapView.width <= 0 || mapView.height <= 0)
            return
        const p = CityMap.point(focusCity)
        if (p !== null && p !== undefined)
            mapView.showKm(p.x, p.y, mapView.maxZoom / 3)
        focused = true
    }

    // Counts come from Python (every city of the database, with or without a point on the map).
    function countUpTo(year) { return CityMap.countUpTo(year) }
    function countIn(year) { return CityMap.countIn(year) }
    function play() {
        chooser.close()
        shownYear = years.length > 0 ? years[0] : lastYear
        waves.restart()
    }

    // The waves of titles, one year a step; ends showing every city.
    Timer {
        id: waves
        objectName: "mapWaves"
        interval: 1400
        repeat: true
        onTriggered: {
            var i = screen.years.indexOf(screen.shownYear)
            if (i < 0 || i + 1 >= screen.years.length) { stop(); return }
            screen.shownYear = screen.years[i + 1]
            if (i + 2 >= screen.years.length) stop()
        }
    }

    // Portrait: the map only as tall as the country is at the screen's width (no empty bands above and below
    // it); the room under it goes to the year control and a list of the cities shown.
    readonly property real landAspect: CityMap.focus[3] / Math.max(1, CityMap.focus[2])
    readonly property int portraitMapHeight: Math.min(height - Theme.barHeight - panelColumn.implicitHeight - Theme.unit * 6,
                                                      Math.round(width * landAspect * 1.08))

    MapView {
        id: mapView
        objectName: "mapView"
        anchors {
            left: parent.left; top: parent.top; topMargin: Theme.barHeight
            right: screen.portrait ? parent.right : panel.left
            bottom: screen.portrait ? undefined : parent.bottom
        }
        height: screen.portrait ? screen.portraitMapHeight : undefined
        shownYear: screen.shownYear
        onWidthChanged: screen.focusOnCity()
        onHeightChanged: screen.focusOnCity()
        Component.onCompleted: screen.focusOnCity()
        onCityTapped: (cityId) => screen.nav.city(cityId)
        onChooserRequested: (choices) => chooser.open(choices)
    }

    // Legend, year control, cities without coordinates: beside the map in landscape, under it in portrait.
    Rectangle {
        id: panel
        objectName: "mapPanel"
        color: Theme.groundRaised
        anchors {
            right: parent.right; bottom: parent.bottom
            top: screen.portrait ? mapView.bottom : parent.top
            topMargin: screen.portrait ? 0 : Theme.barHeight
            left: screen.portrait ? parent.left : undefined
        }
        width: screen.portrait ? parent.width : Theme.px(440)

        Rectangle {   // a hairline towards the map
            anchors { left: parent.left; top: parent.top; bottom: screen.portrait ? undefined : parent.bottom
                      right: screen.portrait ? parent.right : undefined }
            width: screen.portrait ? undefined : Math.max(1, Theme.px(2))
            height: screen.portrait ? Math.max(1, Theme.px(2)) : undefined
            color: Theme.line
        }

        Column {
            id: panelColumn
            anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.unit * 4 }
            spacing: Theme.unit * 2

            KText {
                width: parent.width
                text: qsTr("Год присвоения звания")
                color: Theme.gold
                font.family: Theme.sans
                font.pixelSize: Theme.labelSize
                font.capitalization: Font.AllUppercase
                font.letterSpacing: Theme.px(2)
                wrapMode: Text.WordWrap
            }

            // The legend is the year control: the colour, the year and how many cities, ≥ 64 px each.
            Flow {
                id: yearFlow
                objectName: "mapYears"
                width: parent.width
                spacing: Theme.unit * 2
                Repeater {
                    model: screen.years
                    delegate: Rectangle {
                        id: yearButton
                        required property int modelData
                        readonly property bool included: modelData <= screen.shownYear
                        objectName: "mapYear_" + modelData
                        width: screen.portrait ? (yearFlow.width - yearFlow.spacing * 2) / 3 : yearFlow.width
                        height: Theme.touch
                        radius: Theme.radius
                        color: yearTap.pressed ? Theme.groundPressed : Theme.ground
                        border.width: modelData === screen.shownYear ? Theme.px(3) : Math.max(1, Theme.px(2))
                        border.color: modelData === screen.shownYear ? Theme.gold : Theme.line
                        opacity: included ? 1 : Theme.dimmed
                        // One of the years, as a radio button: readers hear which is shown.
                        Accessible.role: Accessible.RadioButton
                        Accessible.name: yearButton.modelData + ", " + qsTranslate("Catalog", "%n городов", "", screen.countIn(yearButton.modelData))
                        Accessible.checkable: true
                        Accessible.checked: yearButton.modelData === screen.shownYear
                        Accessible.ignored: !visible
                        Accessible.onPressAction: yearButton.pick()
                        activeFocusOnTab: true
                        FocusRing {}
                        function pick() { waves.stop(); chooser.close(); screen.shownYear = yearButton.modelData }
                        Row {
                            anchors { left: parent.left; leftMargin: Theme.unit * 2; verticalCenter: parent.verticalCenter }
                            spacing: Theme.unit * 1.5
                            Rectangle {
                                anchors.verticalCenter: parent.verticalCenter
                                width: Theme.px(22); height: width; radius: width / 2
                                color: Theme.yearColor(yearButton.modelData)
                            }
                            KText {
                                anchors.verticalCenter: parent.verticalCenter
                                text: yearButton.modelData
                                color: Theme.paper
                                font.family: Theme.sans
                                font.bold: true
                                font.pixelSize: Theme.labelSize
                            }
                            KText {
                                anchors.verticalCenter: parent.verticalCenter
                                visible: !screen.portrait
                                text: "— " + qsTranslate("Catalog", "%n городов", "", screen.countIn(yearButton.modelData))
                                color: Theme.paperDim
                                font.family: Theme.sans
                                font.pixelSize: Theme.labelSize
                            }
                        }
                        TapHandler {
                            id: yearTap
                            gesturePolicy: TapHandler.ReleaseWithinBounds
                            onTapped: yearButton.pick()
                        }
                    }
                }
            }

            KioskButton {
                objectName: "mapPlay"
                width: parent.width
                icon: screen.playing ? "mdi6.pause" : "mdi6.play"
                text: screen.playing ? qsTr("Остановить") : qsTr("Показать по годам")
                onActivated: screen.playing ? waves.stop() : screen.play()
            }

            KText {
                objectName: "mapShownCount"
                width: parent.width
                // One year is a year, not «в 2020–2020 годах» (the first step of the playback).
                readonly property int firstYear: screen.years.length > 0 ? screen.years[0] : screen.shownYear
                readonly property int shownCount: screen.countUpTo(screen.shownYear)
                text: firstYear >= screen.shownYear
                      ? qsTr("На карте: %n городов, звание присвоено в %1 году", "", shownCount).arg(screen.shownYear)
                      : qsTr("На карте: %n городов, звание присвоено в %1–%2 годах", "", shownCount)
                            .arg(firstYear).arg(screen.shownYear)
                color: Theme.paper
                font.family: Theme.serif
                font.pixelSize: Theme.labelSize
                lineHeight: 1.3
                wrapMode: Text.WordWrap
            }

            // A curator's new row without coordinates: no dot, but never lost.
            Column {
                objectName: "mapUnplaced"
                width: parent.width
                spacing: Theme.unit
                visible: CityMap.unplaced.count > 0
                KText {
                    width: parent.width
                    text: qsTr("Без точки на карте:")
                    color: Theme.paperDim
                    font.family: Theme.sans
                    font.pixelSize: Theme.labelSize
                }
                Repeater {
                    model: CityMap.unplaced
                    delegate: KioskButton {
                        id: unplacedCity
                        required property int cityId
                        required property string name
                        required property string nameLatin
                        objectName: "mapUnplaced_" + cityId
                        width: parent.width
                        text: Language.english && nameLatin ? nameLatin : name
                        onActivated: screen.nav.city(unplacedCity.cityId)
                    }
                }
            }
        }
    }

    // Portrait: the cities on the map by name, two to a row, under the year control (a tap opens the city);
    // it scrolls in the room the map leaves.
    GridView {
        id: cityList
        objectName: "mapCityList"
        visible: screen.portrait
        anchors {
            left: panel.left; right: panel.right; top: panel.top; bottom: panel.bottom
            topMargin: panelColumn.implicitHeight + Theme.unit * 6; leftMargin: Theme.unit * 4; rightMargin: Theme.unit * 2
            bottomMargin: Theme.touch   // the scroll hint's room, kept (its height follows this list's)
        }
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        keyNavigationEnabled: false   // arrows move between its controls (ScreenStack), not an unseen current item
        cellWidth: width / 2
        cellHeight: Theme.touch + Theme.unit * 2
        model: screen.portrait ? CityMap.cities.upTo(screen.shownYear, CityMap.cities.labelRevision) : []
        delegate: KioskButton {
            required property var modelData   // var: a {cityId, label} map from upTo()
            objectName: "mapListCity_" + modelData.cityId
            width: cityList.cellWidth - Theme.unit * 2
            text: modelData.label
            onActivated: screen.nav.city(modelData.cityId)
        }
    }
    ScrollHint {
        id: listHint
        flickable: cityList
        anchors { left: cityList.left; right: cityList.right; top: cityList.bottom }
    }

    // Where cities crowd: the ones within reach of the touch, as large targets; a tap outside closes it.
    Rectangle {
        id: chooser
        objectName: "mapChooser"
        anchors.fill: mapView
        color: "#cc1d1f21"
        visible: choices.length > 0
        property var choices: []   // var: CityMap.touch()'s choices, maps read once
        function open(list) { choices = list; Qt.callLater(() => chooserClose.forceActiveFocus()) }
        function close() { choices = [] }
        Keys.onEscapePressed: chooser.close()   // the keyboard: Escape closes the chooser, not the map
        Keys.onBackPressed: chooser.close()

        TapHandler { gesturePolicy: TapHandler.WithinBounds; onTapped: chooser.close() }

        Rectangle {
            anchors.centerIn: parent
            width: Math.min(parent.width - Theme.margin * 2, Theme.px(720))
            height: chooserColumn.implicitHeight + Theme.unit * 6
            radius: Theme.radius * 2
            color: Theme.groundRaised
            border.color: Theme.line
            border.width: Math.max(1, Theme.px(2))
            TapHandler { gesturePolicy: TapHandler.WithinBounds }   // taps between the buttons stay here

            Column {
                id: chooserColumn
                anchors { left: parent.left; right: parent.right; top: parent.top; margins: Theme.unit * 3 }
                spacing: Theme.unit * 2
                KText {
                    width: parent.width
                    text: qsTr("Здесь рядом несколько городов:")
                    color: Theme.paper
                    font.family: Theme.serif
                    font.pixelSize: Theme.bodySize
                    wrapMode: Text.WordWrap
                }
                // Nearest first; scrolls when a crowd has more cities than the screen has room for.
                ListView {
                    id: choiceList
                    objectName: "mapChoices"
                    keyNavigationEnabled: false   // arrows move between its controls (ScreenStack), not an unseen current item
                    width: parent.width
                    height: Math.min(contentHeight, chooser.height * 0.62)
                    interactive: contentHeight > height
                    clip: true
                    spacing: Theme.unit * 2
                    model: chooser.choices
                    delegate: KioskButton {
                        required property var modelData   // var: one of `choices`
                        objectName: "mapChoice_" + modelData.cityId
                        width: choiceList.width
                        height: Theme.touchLarge
                        fontSize: Theme.bodySize
                        icon: "mdi6.map-marker"
                        text: Language.english && modelData.nameLatin ? modelData.nameLatin : modelData.name
                        // Navigate first: closing the chooser destroys this very button.
                        onActivated: { screen.nav.city(modelData.cityId); chooser.close() }
                    }
                }
                KioskButton {
                    id: chooserClose
                    objectName: "mapChooserClose"
                    width: parent.width
                    icon: "mdi6.close"
                    text: qsTr("Закрыть")
                    onActivated: chooser.close()
                }
            }
        }
    }
}
