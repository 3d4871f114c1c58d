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
    signal backRequested()   // Escape or Backspace that no control took (Main's navigator: never past home)

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
        if (below !== null)
            d.focused[d.items.length - 1] = stack.Window.activeFocusItem   // where the keyboard was, for «Назад»
        d.items.push(item)
        d.sync()
        item.forceActiveFocus()
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
        const was = index < d.focused.length ? d.focused[index] : null
        const top = d.items.pop()
        while (d.items.length > index + 1)
            d.items.pop().destroy()   // never seen: nothing to animate
        d.sync()
        const shown = d.current
        shown.visible = true
        d.refocus(index, was)
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
        property var items: []   // var: a JS array, pushed, popped and spliced in place
        property var focused: []   // per screen below the top: the item that had the keyboard focus (a JS array, as items)
        property Item lastOnScreen: null   // the last item on the top screen that had it (for a closed overlay)
        property Item closed: null
        property int depth: 0
        property Item current: null
        property Item leaving: null
        property bool destroyLeaving: false

        function sync() {
            focused.length = Math.max(0, items.length - 1)
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
        // Back on a screen: the keyboard focus where it was (the card that was opened), else on the screen.
        function refocus(index: int, was: var) {
            let inside = false
            for (let p = was; p && !inside; p = p.parent)
                inside = p === items[index]
            if (inside && was.visible)
                was.forceActiveFocus()
            else
                items[index].forceActiveFocus()
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

    // The keyboard never gets lost: when the focused item goes (the kiosk's keyboard hidden, an overlay closed,
    // a card scrolled away), the top screen takes the focus, so Tab, Escape and typing still work.
    Connections {
        target: stack.Window.window
        function onActiveFocusItemChanged() {
            const focus = stack.Window.activeFocusItem
            for (let p = focus; p !== null && d.current !== null; p = p.parent) {
                if (p === d.current) { d.lastOnScreen = focus; break }
            }
            if (focus !== null)
                keys.reveal(focus)
            Qt.callLater(keys.keep)
        }
    }
    // An overlay (PIN pad, admin panel) closed: the keyboard comes back to where it was on the screen.
    onEnabledChanged: {
        if (!enabled)
            d.closed = stack.Window.activeFocusItem === null ? null : d.lastOnScreen
        Qt.callLater(keys.keep)
    }

    // ---- keys no control on the screen took (issue 22) ---------------------------------------------------------
    // Enter and Space press the focused control: the same press a screen reader gives (Accessible.onPressAction),
    // so one handler serves both. Escape and Backspace go back. PgUp/PgDn, Home/End and the vertical arrows
    // scroll the screen's longest page.
    Keys.onPressed: (event) => keys.handle(event)
    QtObject {
        id: keys
        function keep() {
            const focus = stack.Window.activeFocusItem
            if ((focus === null || focus === stack.Window.contentItem || !focus.visible) && d.current !== null && stack.enabled)
                d.refocus(d.items.length - 1, d.closed)
        }
        // The focused control scrolled into view in the page that holds it (Tab past the fold on a long page).
        function reveal(item) {
            for (let f = item.parent; f !== null; f = f.parent) {
                if (f.contentY === undefined || f.flick === undefined)
                    continue
                const at = item.mapToItem(f.contentItem, 0, 0), room = Theme.unit * 3
                if (f.contentHeight > f.height) {
                    const minY = f.originY - f.topMargin, maxY = Math.max(minY, f.originY + f.contentHeight + f.bottomMargin - f.height)
                    if (at.y - room < f.contentY)
                        f.contentY = Math.max(minY, at.y - room)
                    else if (at.y + item.height + room > f.contentY + f.height)
                        f.contentY = Math.min(maxY, Math.min(at.y - room, at.y + item.height + room - f.height))
                }
                if (f.contentWidth > f.width) {
                    const minX = f.originX - f.leftMargin, maxX = Math.max(minX, f.originX + f.contentWidth + f.rightMargin - f.width)
                    if (at.x - room < f.contentX)
                        f.contentX = Math.max(minX, at.x - room)
                    else if (at.x + item.width + room > f.contentX + f.width)
                        f.contentX = Math.min(maxX, Math.min(at.x - room, at.x + item.width + room - f.width))
                }
                return
            }
        }
        function handle(event) {
            const focus = stack.Window.activeFocusItem
            switch (event.key) {
            case Qt.Key_Return: case Qt.Key_Enter: case Qt.Key_Space:
                if (focus !== null && focus !== d.current && focus.visible && focus.enabled)
                    focus.Accessible.pressAction()
                break
            case Qt.Key_Escape: case Qt.Key_Back: case Qt.Key_Backspace:
                stack.backRequested()
                break
            case Qt.Key_PageDown: scroll(0.9); break
            case Qt.Key_PageUp: scroll(-0.9); break
            case Qt.Key_Down: if (!move(focus, 0, 1)) scroll(0.15); break
            case Qt.Key_Up: if (!move(focus, 0, -1)) scroll(-0.15); break
            case Qt.Key_Right: if (!move(focus, 1, 0)) return; break
            case Qt.Key_Left: if (!move(focus, -1, 0)) return; break
            case Qt.Key_Home: scroll(-Infinity); break
            case Qt.Key_End: scroll(Infinity); break
            default: return
            }
            event.accepted = true
        }
        // Arrows from a control to the nearest control that way (tiles, chips, the section's cards); groups with
        // arrows of their own (the grid, the А–Я strip, the keyboard, the map) take them before they get here.
        function move(from, dx: int, dy: int): bool {
            if (from === null || from === d.current || d.current === null)
                return false
            const c = from.mapToItem(stack, from.width / 2, from.height / 2)
            let best = null, bestCost = Infinity
            const todo = [d.current]
            while (todo.length > 0) {
                const item = todo.pop()
                if (!item.visible || !item.enabled)
                    continue
                for (let i = 0; i < item.children.length; ++i)
                    todo.push(item.children[i])
                if (item === from || !item.activeFocusOnTab)
                    continue
                const p = item.mapToItem(stack, item.width / 2, item.height / 2)
                const along = dx !== 0 ? (p.x - c.x) * dx : (p.y - c.y) * dy
                const across = Math.abs(dx !== 0 ? p.y - c.y : p.x - c.x)
                if (along < Theme.unit || across > along * 2)   // that way, within a wide cone
                    continue
                const cost = along + across * 2
                if (cost < bestCost) { best = item; bestCost = cost }
            }
            if (best === null)
                return false
            best.forceActiveFocus()
            return true
        }
        // The visible Flickable with the most to scroll on the top screen.
        function page(): var {
            let best = null, most = 0
            const todo = d.current === null ? [] : [d.current]
            while (todo.length > 0) {
                const item = todo.pop()
                if (!item.visible)
                    continue
                if (item.contentHeight !== undefined && item.flick !== undefined && item.interactive !== false) {
                    const more = Math.max(item.contentHeight - item.height, item.contentWidth - item.width)
                    if (more > most) { best = item; most = more }
                }
                for (let i = 0; i < item.children.length; ++i)
                    todo.push(item.children[i])
            }
            return best
        }
        function scroll(pages: real) {
            const f = page()
            if (f === null)
                return
            const vertical = f.contentHeight - f.height >= f.contentWidth - f.width
            if (!vertical) {
                const minX = f.originX - f.leftMargin, maxX = Math.max(minX, f.originX + f.contentWidth + f.rightMargin - f.width)
                f.contentX = Math.max(minX, Math.min(maxX, f.contentX + (isFinite(pages) ? pages * f.width : pages)))
                return
            }
            const minY = f.originY - f.topMargin, maxY = Math.max(minY, f.originY + f.contentHeight + f.bottomMargin - f.height)
            f.contentY = Math.max(minY, Math.min(maxY, f.contentY + (isFinite(pages) ? pages * f.height : pages)))
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
