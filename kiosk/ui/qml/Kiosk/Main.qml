pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Window
import Kiosk

// The shell: one window, a stack of screens (ScreenStack), a persistent top bar (home, back) over every screen but
// home, and the overlays that can cover any screen (idle question, PIN pad, admin panel, unavailable).
Window {
    id: win
    objectName: "mainWindow"
    title: qsTr("Города трудовой доблести")
    width: KioskInfo.startWidth
    height: KioskInfo.startHeight
    visible: true
    visibility: KioskInfo.windowed ? Window.Windowed : Window.FullScreen
    flags: KioskInfo.windowed ? Qt.Window : (Qt.Window | Qt.FramelessWindowHint)
    color: Theme.ground

    // Kiosk mode: nothing closes the window but the admin exit (which quits the app directly).
    onClosing: (close) => { close.accepted = KioskInfo.windowed }

    Binding { target: Theme; property: "scale"; value: Math.max(0.5, Math.min(win.width, win.height) / 1080) }
    Binding { target: Theme; property: "portrait"; value: win.height > win.width }
    Binding { target: Theme; property: "yearColors"; value: Catalog.yearColors }
    Binding { target: Theme; property: "textScale"; value: Language.textScale }

    readonly property bool unavailable: !Database.available || previewUnavailable
    property bool previewUnavailable: false   // self-test only: show the screen without breaking the data
    readonly property bool atHome: stack.depth <= 1
    // The overlays (and the top bar, hidden on home) are made after the first frame (Startup.ready), so home
    // shows sooner: they are Loaders, and these are their items (null until then). The Loaders name their files
    // (source), not their types: a type named in Main is loaded with Main, before the first frame (~3 ms of CPU).
    // var, not PinPad / AdminPanel: a type named here is loaded with Main; these two load on first use
    readonly property var pinPad: pinPadLoader.item
    readonly property var adminPanel: adminPanelLoader.item
    readonly property bool overlayOpen: (pinPad?.visible ?? false) || (adminPanel?.visible ?? false)

    // Idle is "at rest" on the home screen with nothing open, or while the exposition is unavailable.
    Binding { target: Idle; property: "atRest"; value: (win.atHome && !win.overlayOpen) || win.unavailable }

    // The navigator every screen gets as its required property `nav`. Every way off home first finishes what
    // start-up put off and its screen (screens.ready()): a tap right after start finds everything in place.
    QtObject {
        id: navigator
        objectName: "navigator"
        // Self-test: no transitions, so 70 city pages × 2 sizes take seconds, not minutes.
        property bool instant: false

        // «На главную» ends the visit: the next visitor finds no query, filters or keyboard layout («Назад»
        // stays inside the visit and keeps them).
        function home() {
            Catalog.reset()
            Quiz.end()
            if (stack.depth > 1)
                stack.popToIndex(0, instant)
        }
        function cities() {
            screens.ready()
            stack.push(screens.cities, { nav: navigator }, instant)
        }
        function city(cityId) {
            screens.ready()
            stack.push(screens.city, { nav: navigator, cityId: cityId }, instant)
        }
        // The Novokuznetsk section: page is a name from NkPages ("home", "chapter", "timeline"…).
        function novokuznetsk(page, props) {
            screens.ready()
            stack.push(screens.nk.page(page), Object.assign({ nav: navigator }, props || {}), instant)
        }
        function map() {
            mapAt(0)
        }
        // «Викторина»: its round lives in Python (Quiz), so a city page opened from it comes back to it.
        function quiz() {
            screens.ready()
            stack.push(screens.quiz, { nav: navigator }, instant)
        }
        function mapAt(cityId) {   // the map, opened on this city (a city page's small map)
            screens.ready()
            stack.push(screens.map, { nav: navigator, focusCity: cityId }, instant)
        }
        // The next page of the same kind in place of this one (the next chapter): «Назад» still goes one screen up.
        function onward(page, props) {
            screens.ready()
            stack.replace(screens.nk.page(page), Object.assign({ nav: navigator }, props || {}), instant)
        }
        // «Назад» closes the topmost thing first (a picture full screen, an item card), then leaves the screen.
        function back() {
            if (closeTopmost(stack.currentItem))
                return
            if (stack.depth > 1)
                stack.popCurrentItem(instant)
        }
        // Overlays say they can close by having backClose(): true when they were open and closed now. The
        // deepest open one goes first (a viewer inside an item card before the card).
        function closeTopmost(item) {
            if (item === null || item === undefined || !item.visible)
                return false
            const children = item.children
            for (let i = children.length - 1; i >= 0; --i) {
                if (closeTopmost(children[i]))
                    return true
            }
            return typeof item.backClose === "function" && item.backClose()
        }
        // Idle reset: home, nothing left on the stack (scroll positions go with it), overlays closed.
        function reset() {
            win.pinPad?.close()
            win.adminPanel?.close()
            stack.clear()
            stack.push(homePage, { nav: navigator }, true)
            if (KioskInfo.defaultScreen === "cities" && Database.available) {
                screens.ready()
                stack.push(screens.cities, { nav: navigator }, true)
            }
        }
    }
    property alias nav: navigator
    // What the Loaders below would have said inline: names, bindings, handlers of the items they make.
    function attachTopBar(bar: var) {
        bar.objectName = "topBar"
        bar.visible = Qt.binding(() => !win.atHome && !win.unavailable)
        bar.canGoBack = Qt.binding(() => stack.depth > 2)
        bar.homeRequested.connect(navigator.home)
        bar.backRequested.connect(navigator.back)
        bar.keyTarget = stack
        bar.enabled = Qt.binding(() => !win.overlayOpen)   // no Tab into the screen behind the PIN pad
    }
    function attachPinPad(pad: var) {
        pad.objectName = "pinPad"
        pad.accepted.connect(() => { win.pinPad.close(); win.adminPanel.open() })
    }
    function attachAdminPanel(panel: var) {
        panel.objectName = "adminPanel"
        panel.reloadRequested.connect(() => Database.reload())
        panel.quitRequested.connect(() => Admin.requestQuit())
    }
    // Screens as components: the stack makes them.
    Component { id: homePage; HomeScreen {} }
    // The other screens are compiled when first needed (or right after the first frame, when start-up's queue
    // is done): compiling them with Main delayed the first frame.
    QtObject {
        id: screens
        property Component cities: null
        property Component city: null
        property Component map: null
        property Component quiz: null
        property var nk: null   // var, not NkPages: a type named here is loaded with Main (and NkPages' 7 screens with it)
        // Everything a screen off home needs: what start-up put off, and the screens' components.
        function ready() {
            Startup.finish()
            if (cities === null) cities = Qt.createComponent("Kiosk", "CitiesScreen")
            if (city === null) city = Qt.createComponent("Kiosk", "CityScreen")
            if (map === null) map = Qt.createComponent("Kiosk", "MapScreen")
            if (quiz === null) quiz = Qt.createComponent("Kiosk", "QuizScreen")
            if (nk === null) nk = Qt.createComponent("Kiosk", "NkPages").createObject(win)
        }
    }
    Connections {
        target: Startup
        function onReadyChanged() { screens.ready() }
    }

    Connections {
        target: Idle
        function onResetRequested() { navigator.reset() }
    }
    Connections {
        target: Database
        // Back from "unavailable": start clean on the start screen.
        function onAvailableChanged() { if (Database.available) navigator.reset() }
    }

    ScreenStack {
        id: stack
        objectName: "stack"
        // The window's size, not its content item's (anchors.fill): that is 0×0 until the window's first resize
        // event, so home was made at 0×0 and laid out its texts again at each size on the way.
        width: win.width
        height: win.height
        visible: !win.unavailable
        enabled: !win.overlayOpen   // the PIN pad and admin panel keep the keyboard: no Tab to what they cover
        Component.onCompleted: navigator.reset()
        onBackRequested: navigator.back()
    }

    // The way home, on every screen but home, always in the same place (leaving home finishes start-up first).
    Loader {
        anchors { left: parent.left; right: parent.right; top: parent.top }
        active: Startup.ready
        source: "components/TopBar.qml"
        onLoaded: win.attachTopBar(item)
    }

    Loader {
        id: unavailableLoader
        objectName: "unavailableLoader"
        anchors.fill: parent
        active: win.unavailable
        source: "screens/UnavailableScreen.qml"
    }

    Loader {
        anchors.fill: parent
        active: Startup.ready || Idle.asking
        source: "components/IdleOverlay.qml"
        onLoaded: item.objectName = "idleOverlay"
    }

    // Attract mode: the slideshow over every screen while nobody is here (kiosk/ui/services/attract.py). Made
    // after the first frame (kiosk/ui/services/startup.py): its two cards and their maps cost the first frame
    // more than the home screen itself. Once made, it stays for the run.
    Loader {
        id: attractLoader
        objectName: "attractLoader"
        anchors.fill: parent
        z: 50
        active: Startup.ready || Attract.active
        source: "screens/AttractScreen.qml"
    }

    // Hidden admin gesture: hold the top-left corner for 3 s. Nothing visible, nothing else there.
    Item {
        id: adminCorner
        objectName: "adminCorner"
        width: Theme.margin; height: Theme.margin
        z: 100
        TapHandler {
            id: cornerTap
            gesturePolicy: TapHandler.WithinBounds
            longPressThreshold: 0   // our own 3 s timer below (TapHandler caps its long press)
        }
        Timer {
            interval: 3000
            running: cornerTap.pressed && !win.overlayOpen
            onTriggered: { Startup.finish(); win.pinPad.open() }
        }
    }

    Loader {
        id: pinPadLoader
        anchors.fill: parent
        z: 200
        active: Startup.ready
        source: "components/PinPad.qml"
        onLoaded: win.attachPinPad(item)
    }

    Loader {
        id: adminPanelLoader
        anchors.fill: parent
        z: 200
        active: Startup.ready
        source: "components/AdminPanel.qml"
        onLoaded: win.attachAdminPanel(item)
    }
}
