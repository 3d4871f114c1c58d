pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// A small, still map that shows where one city is: the country from the same asset as the map screen, the
// other cities as faint points, this one in its year's colour with a ring. Nothing to touch; give it a size.
//     LocatorMap { cityId: 18; width: Theme.px(520); height: width / 2 }
// spanKm: 0 shows the whole country; a distance (e.g. 2500) centres that many km of width on the city.
Item {
    id: locator

    property int cityId: 0
    property real spanKm: 0
    property int year: 0                       // colour of the city's dot; 0 = the city's own year
    readonly property var point: { CityMap.revision; return CityMap.point(cityId) }   // var: {x, y} or null (no coordinates)
    readonly property bool placed: point !== null && point !== undefined
    readonly property list<real> frame: CityMap.focus
    readonly property real kmScale: spanKm > 0 ? width / spanKm
                                               : Math.min(width / frame[2], height / frame[3])
    // The km shown at the top-left corner: the country centred, or the city centred.
    readonly property real originX: spanKm > 0 && placed ? point.x - width / 2 / kmScale
                                                         : frame[0] + frame[2] / 2 - width / 2 / kmScale
    readonly property real originY: spanKm > 0 && placed ? point.y - height / 2 / kmScale
                                                         : frame[1] + frame[3] / 2 - height / 2 / kmScale
    readonly property int cityYear: { CityMap.revision; return CityMap.yearOf(cityId) }

    clip: true
    implicitWidth: Theme.px(520)
    implicitHeight: Theme.px(300)

    MapCanvas {
        anchors.fill: parent
        kmScale: locator.kmScale
        originX: locator.originX
        originY: locator.originY
        land: "#36352f"
        sea: Theme.ground
        coast: "#6b6456"
        coastWidth: Math.max(1, Theme.px(1))
    }

    Repeater {
        model: CityMap.cities
        delegate: Rectangle {
            id: dot
            required property int cityId
            required property real kmX
            required property real kmY
            readonly property real r: Math.max(2, Theme.px(3))
            x: (dot.kmX - locator.originX) * locator.kmScale - r
            y: (dot.kmY - locator.originY) * locator.kmScale - r
            width: r * 2; height: width; radius: r
            color: Theme.paperDim
            opacity: 0.45
            visible: dot.cityId !== locator.cityId
        }
    }

    Rectangle {
        objectName: "locatorDot"
        visible: locator.placed
        readonly property real r: Theme.px(12)
        x: locator.placed ? (locator.point.x - locator.originX) * locator.kmScale - r : 0
        y: locator.placed ? (locator.point.y - locator.originY) * locator.kmScale - r : 0
        width: r * 2; height: width; radius: r
        color: Theme.yearColor(locator.year > 0 ? locator.year : locator.cityYear)
        border.color: Theme.paper
        border.width: Math.max(2, Theme.px(3))
    }

    Rectangle {   // a hairline frame: the map is a picture within the page
        anchors.fill: parent
        color: "transparent"
        border.color: Theme.line
        border.width: Math.max(1, Theme.px(2))
        radius: Theme.radius
    }
}
