pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// The interactive map: land painted as vectors for the current view (MapCanvas, no shaders), the cities as
// dots in their year's colour, names where Python placed them for this zoom rung. One finger or the mouse
// drags (with a calm glide after a flick), two fingers pinch, the wheel zooms; the view never leaves the map
// and the zoom stays between the whole country and MapData.maxZoom. A tap asks Python which city it meant.
Item {
    id: view
    clip: true

    property int shownYear: 9999                // cities titled up to this year are shown
    readonly property real zoom: d.zoom
    readonly property real minZoom: 1.0
    readonly property real maxZoom: Math.max(1.0, CityMap.maxZoom)
    readonly property real kmScale: CityMap.fitScale * d.zoom      // pixels per km now
    readonly property real contentX: d.cx
    readonly property real contentY: d.cy
    readonly property int dotRadius: Theme.px(11)
    readonly property int reach: Theme.px(36)                       // half a ≥ 64 px touch target
    readonly property int nameSize: Theme.labelSize

    signal cityTapped(int cityId)
    signal chooserRequested(var choices)

    // Python places the names for this size and font (cached for one size; cheap when nothing changed).
    function relayout() {
        if (width > 0 && height > 0)
            CityMap.layout(width, height, Theme.scale, Theme.sans, nameSize, dotRadius, Theme.px(6), Language.code)
        if (d.zoom === 1.0) reset(); else d.clamp()
    }
    onWidthChanged: relayout()
    Connections {  // English labels are the Latin names: placed for their own widths, the view kept
        target: Language
        function onLanguageChanged() { view.relayout() }
    }
    onHeightChanged: relayout()
    onNameSizeChanged: relayout()   // «Aa»: larger names take more room, so they are placed again
    Component.onCompleted: relayout()
    Connections { target: CityMap; function onCitiesChanged() { view.relayout() } }

    // Zoom by `factor` keeping the map point under (px, py) where it is; then keep the view on the map.
    function zoomAt(factor, px, py) {
        glide.stop()
        var z = Math.max(minZoom, Math.min(maxZoom, d.zoom * factor))
        var f = z / d.zoom
        d.cx = (d.cx + px) * f - px
        d.cy = (d.cy + py) * f - py
        d.zoom = z
        d.clamp()
    }
    // Centre the view on a point in map km at a zoom (the self-test's "zoomed into the Urals").
    function showKm(xKm, yKm, z) {
        glide.stop()
        d.zoom = Math.max(minZoom, Math.min(maxZoom, z))
        d.cx = xKm * kmScale - width / 2
        d.cy = yKm * kmScale - height / 2
        d.clamp()
    }
    // The whole country, centred.
    function reset() {
        var f = CityMap.focus
        showKm(f[0] + f[2] / 2, f[1] + f[3] / 2, 1.0)
    }

    QtObject {
        id: d
        property real zoom: 1.0
        property real cx: 0
        property real cy: 0
        // Content smaller than the view is centred; larger content never shows past its edges.
        function bound(v, content, size) {
            return content <= size ? (content - size) / 2 : Math.max(0, Math.min(content - size, v))
        }
        // Sizes computed here, not read from bindings: a binding on the zoom may not have caught up yet.
        function clamp() {
            var s = CityMap.fitScale * zoom
            cx = bound(cx, CityMap.widthKm * s, view.width)
            cy = bound(cy, CityMap.heightKm * s, view.height)
        }
    }
    onKmScaleChanged: d.clamp()

    MapCanvas {
        objectName: "mapCanvas"
        anchors.fill: parent
        keepPictures: false   // window-sized: its pictures go with the screen, not at the idle reset
        kmScale: view.kmScale
        originX: view.kmScale > 0 ? d.cx / view.kmScale : 0
        originY: view.kmScale > 0 ? d.cy / view.kmScale : 0
        land: "#36352f"
        sea: Theme.ground
        coast: "#6b6456"
        coastWidth: Math.max(1, Theme.px(1.5))
    }

    // The view's own edges fade into the sea, as the asset's outer band does: where the view cuts the land
    // (Chukotka, the west and north in portrait) it ends softly, not in a hard line. Under the dots and names.
    component EdgeFade: Rectangle {
        id: fade
        property int edge: Qt.LeftEdge
        readonly property bool across: edge === Qt.LeftEdge || edge === Qt.RightEdge
        readonly property bool far: edge === Qt.RightEdge || edge === Qt.BottomEdge
        readonly property color clear: Qt.rgba(Theme.ground.r, Theme.ground.g, Theme.ground.b, 0)
        x: edge === Qt.RightEdge ? view.width - width : 0
        y: edge === Qt.BottomEdge ? view.height - height : 0
        width: across ? Theme.px(56) : view.width
        height: across ? view.height : Theme.px(56)
        gradient: Gradient {
            orientation: fade.across ? Gradient.Horizontal : Gradient.Vertical
            GradientStop { position: 0.0; color: fade.far ? fade.clear : Theme.ground }
            GradientStop { position: 1.0; color: fade.far ? Theme.ground : fade.clear }
        }
    }
    EdgeFade { objectName: "mapFadeLeft"; edge: Qt.LeftEdge }
    EdgeFade { objectName: "mapFadeRight"; edge: Qt.RightEdge }
    EdgeFade { objectName: "mapFadeTop"; edge: Qt.TopEdge }
    EdgeFade { objectName: "mapFadeBottom"; edge: Qt.BottomEdge }

    readonly property int rung: CityMap.rung(d.zoom)

    // The keyboard and screen readers reach every city: each dot is a button named for its city and year (a
    // reader's press opens it, as a tap does); the map is one Tab stop, the arrows step from city to city in the
    // list's order (skipping those the year control hides), bringing the city into view; Enter opens it.
    property int keyCity: 0
    function stepCity(from: int, by: int) {
        const i = CityMap.step(from, by, view.shownYear)
        const c = i >= 0 ? dots.itemAt(i) : null
        if (c === null)
            return
        keyCity = i
        if (c.x < Theme.margin || c.x > width - Theme.margin || c.y < Theme.margin || c.y > height - Theme.margin)
            showKm((c.x + d.cx) / kmScale, (c.y + d.cy) / kmScale, d.zoom)
        c.forceActiveFocus()
    }

    Repeater {
        id: dots
        objectName: "mapCities"
        model: CityMap.cities
        delegate: Item {
            id: city
            required property int index
            required property int cityId
            required property int year
            required property real kmX
            required property real kmY
            required property string label   // the name measured and placed for the visitor's language
            required property var names      // var: per zoom rung the name's box [dx, dy, w, h], or null
            readonly property bool shown: year <= view.shownYear
            readonly property var nameBox: names.length > view.rung ? names[view.rung] : null   // var: a box or null
            objectName: "mapCity_" + cityId
            x: kmX * view.kmScale - d.cx
            y: kmY * view.kmScale - d.cy
            visible: shown && x > -Theme.px(400) && x < view.width + Theme.px(400)
                     && y > -Theme.px(100) && y < view.height + Theme.px(100)
            opacity: shown ? 1 : 0
            Behavior on opacity { NumberAnimation { duration: Theme.normal } }
            Accessible.role: Accessible.Button
            Accessible.name: city.label + ", " + city.year
            Accessible.ignored: !city.visible
            Accessible.onPressAction: if (city.visible) view.cityTapped(city.cityId)
            activeFocusOnTab: activeFocus || city.index === view.keyCity
            onActiveFocusChanged: if (activeFocus) view.keyCity = city.index
            Keys.onLeftPressed: view.stepCity(city.index, -1)
            Keys.onUpPressed: view.stepCity(city.index, -1)
            Keys.onRightPressed: view.stepCity(city.index, 1)
            Keys.onDownPressed: view.stepCity(city.index, 1)

            Rectangle {   // the keyboard's ring, and the name even where the zoom rung leaves it out
                visible: city.activeFocus
                x: -width / 2; y: -height / 2
                width: view.dotRadius * 2 + Theme.px(20); height: width; radius: width / 2
                color: "transparent"
                border.width: Math.max(3, Theme.px(5))
                border.color: Theme.gold
            }
            KText {
                visible: city.activeFocus && (city.nameBox === null || city.nameBox === undefined)
                anchors { horizontalCenter: parent.horizontalCenter; bottom: parent.top; bottomMargin: view.dotRadius + Theme.px(12) }
                text: city.label
                Accessible.ignored: true   // the dot's name says it
                style: Text.Outline
                styleColor: Theme.ground
                font.family: Theme.sans
                font.pixelSize: view.nameSize
            }

            Rectangle {
                x: -width / 2; y: -height / 2
                width: view.dotRadius * 2; height: width; radius: width / 2
                color: Theme.yearColor(city.year)
                border.color: Theme.ground
                border.width: Math.max(1, Theme.px(2))
            }
            KText {
                objectName: "mapName_" + city.cityId
                visible: city.nameBox !== null && city.nameBox !== undefined
                x: visible ? city.nameBox[0] : 0
                y: visible ? city.nameBox[1] : 0
                width: visible ? city.nameBox[2] : 0
                height: visible ? city.nameBox[3] : 0
                horizontalAlignment: Text.AlignHCenter
                verticalAlignment: Text.AlignVCenter
                text: city.label
                Accessible.ignored: true   // the dot's name says it
                color: Theme.paper
                style: Text.Outline
                styleColor: Theme.ground
                font.family: Theme.sans
                font.pixelSize: view.nameSize
            }
        }
    }

    // ---- input -------------------------------------------------------------------------------------------

    // One finger (or the mouse): drag; on release, glide on at the release speed, slowing down.
    DragHandler {
        id: drag
        objectName: "mapDrag"
        target: null
        maximumPointCount: 1
        property real lastX: 0
        property real lastY: 0
        onActiveChanged: {
            if (active) {
                glide.stop()
                lastX = translation.x; lastY = translation.y
            } else {
                glide.start(centroid.velocity.x, centroid.velocity.y)
            }
        }
        onTranslationChanged: {
            if (!active)
                return
            d.cx -= translation.x - lastX
            d.cy -= translation.y - lastY
            lastX = translation.x; lastY = translation.y
            d.clamp()
        }
    }

    // Two fingers: zoom about their centre and follow them.
    PinchHandler {
        id: pinch
        objectName: "mapPinch"
        target: null
        rotationAxis.enabled: false
        onActiveChanged: if (active) glide.stop()
        onScaleChanged: (delta) => view.zoomAt(delta, centroid.position.x, centroid.position.y)
        onTranslationChanged: (delta) => { d.cx -= delta.x; d.cy -= delta.y; d.clamp() }
    }

    WheelHandler {
        objectName: "mapWheel"
        target: null
        onWheel: (event) => view.zoomAt(Math.pow(1.2, event.angleDelta.y / 120), event.x, event.y)
    }

    TapHandler {
        objectName: "mapTap"
        gesturePolicy: TapHandler.ReleaseWithinBounds
        onTapped: (eventPoint) => {
            var p = eventPoint.position
            var result = CityMap.touch(d.cx + p.x, d.cy + p.y, d.zoom, view.reach, view.shownYear)
            if (result.cityId > 0)
                view.cityTapped(result.cityId)
            else if (result.choices.length > 0)
                view.chooserRequested(result.choices)
        }
    }

    // The glide after a flick: velocity decays over about 0.6 s; stops at the map's edges.
    Timer {
        id: glide
        interval: 16
        repeat: true
        property real vx: 0
        property real vy: 0
        function start(x, y) {
            vx = x; vy = y
            if (Math.abs(vx) + Math.abs(vy) > Theme.px(200))
                restart()
        }
        onTriggered: {
            var ox = d.cx, oy = d.cy
            d.cx -= vx * interval / 1000
            d.cy -= vy * interval / 1000
            d.clamp()
            vx *= 0.9; vy *= 0.9
            if ((Math.abs(vx) + Math.abs(vy) < 20) || (d.cx === ox && d.cy === oy))
                stop()
        }
    }
}
