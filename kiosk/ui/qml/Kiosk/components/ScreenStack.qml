import QtQuick
import Kiosk

// The shell's stack of screens: push, pop, pop to home, clear — what Main.qml's navigator needs and no more.
// A plain Item, not QtQuick.Controls' StackView: importing Controls (and its Basic style) cost the first frame
// ~10 ms of CPU in the frozen kiosk, and no screen uses anything else from it.
// Screens are made from components and owned here: a screen leaves memory when it leaves the stack. Only the
// top screen is visible (and takes touches); the others keep their state (scroll positions) below it.
Item {
    id: stack

    readonly property int depth: d.depth
    readonly property Item currentItem: d.current
    readonly property bool busy: transition.running

    // Puts a screen made from `component` with `props` on top; `instant` skips the transition.
    function push(component: Component, props: var, instant: bool): Item {
        d.settle()
        const item = component.createObject(stack, Object.assign({ width: stack.width, height: stack.height }, props)) as Item
        if (item === null) {
            console.warn("ScreenStack: cannot make a screen:", component.errorString())
            return null
        }
        d.fill(item)
        const below = d.current
        d.items.push(item)
        d.sync()
        if (below === null || instant) {
            d.hide(below)
        } else {
            d.run(item, Theme.px(48), below, false)
        }
        return item
    }

    // Takes every screen above `index` off the stack (the one on top with the pop transition, unless `instant`).
    function popToIndex(index: int, instant: bool) {
        d.settle()
        if (index < 0 || index >= d.items.length - 1)
            return
        const top = d.items.pop()
        while (d.items.length > index + 1)
            d.items.pop().destroy()   // never seen: nothing to animate
        d.sync()
        const shown = d.current
        shown.visible = true
        if (instant) {
            top.destroy()
        } else {
            d.run(shown, -Theme.px(48), top, true)
        }
    }

    // Puts a new screen in place of the one on top (a chapter's «Дальше»): «Назад» then goes where the replaced
    // screen's «Назад» went, not through every chapter read on the way.
    function replace(component: Component, props: var, instant: bool): Item {
        const below = d.current
        const item = push(component, props, instant)
        if (item === null || below === null)
            return item
        d.items.splice(d.items.length - 2, 1)
        d.sync()
        if (d.leaving === below)
            d.destroyLeaving = true
        else
            below.destroy()
        return item
    }

    function popCurrentItem(instant: bool) {
        popToIndex(d.items.length - 2, instant)
    }

    // Every screen off the stack at once (the idle reset).
    function clear() {
        d.settle()
        while (d.items.length > 0)
            d.items.pop().destroy()
        d.sync()
    }

    QtObject {
        id: d
        property var items: []
        property int depth: 0
        property Item current: null
        property Item leaving: null
        property bool destroyLeaving: false

        function sync() {
            depth = items.length
            current = items.length > 0 ? items[items.length - 1] : null
        }
        function fill(item: Item) {
            item.width = Qt.binding(() => stack.width)
            item.height = Qt.binding(() => stack.height)
        }
        function hide(item: Item) {
            if (item === null)
                return
            item.visible = false
            item.opacity = 1
        }
        // Calm, short, ease-out: the arriving screen fades in with a small drift in the direction of travel,
        // the leaving one fades out (faster) and is hidden, or destroyed when it was popped.
        function run(arriving: Item, drift: real, going: Item, destroyGoing: bool) {
            leaving = going
            destroyLeaving = destroyGoing
            arriving.opacity = 0
            arriving.x = drift
            enterFade.target = arriving
            enterDrift.target = arriving
            exitFade.target = going
            enterDrift.from = drift
            transition.start()
        }
        // Ends a transition where it would have ended (also when a new push or pop comes during one).
        function settle() {
            if (transition.running)
                transition.complete()
            enterFade.target = null
            enterDrift.target = null
            exitFade.target = null
            const going = leaving
            leaving = null
            if (going === null)
                return
            if (destroyLeaving)
                going.destroy()
            else
                hide(going)
        }
    }

    // No touches while screens change, as StackView did: a second quick tap on the leaving home screen must not
    // open a second screen on top of the first.
    Item {
        objectName: "stackBlocker"
        anchors.fill: parent
        z: 1
        visible: stack.busy
        TapHandler { gesturePolicy: TapHandler.WithinBounds }
    }

    ParallelAnimation {
        id: transition
        onFinished: d.settle()
        NumberAnimation { id: enterFade; property: "opacity"; from: 0; to: 1; duration: Theme.normal; easing.type: Easing.OutCubic }
        NumberAnimation { id: enterDrift; property: "x"; to: 0; duration: Theme.normal; easing.type: Easing.OutCubic }
        NumberAnimation { id: exitFade; property: "opacity"; from: 1; to: 0; duration: Theme.fast; easing.type: Easing.OutCubic }
    }
}
