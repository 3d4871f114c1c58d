import QtQuick

// Tab and Shift+Tab stay inside an open overlay (an item card, the photo viewer): the page it covers keeps its
// place in the focus chain, so the keys walk the chain and skip whatever lies outside `scope`, wrapping round.
// Shortcuts, because the focused control itself takes Tab before any Keys handler of the overlay sees it.
// Only the topmost overlay's trap may be active (two active traps make the shortcut ambiguous).
Item {
    id: trap
    required property Item scope
    property bool active: false

    function inside(item: Item): bool {
        for (let i = item; i !== null; i = i.parent) {
            if (i === trap.scope)
                return true
        }
        return false
    }
    function step(forward: bool) {
        const start = trap.Window.activeFocusItem
        let item = start !== null && trap.inside(start) ? start : trap.scope
        for (let i = 0; i < 2000; ++i) {   // the chain is finite and circular; the bound is only a guard
            item = item.nextItemInFocusChain(forward)
            if (item === null || item === start)
                return
            if (trap.inside(item) && item !== trap.scope) {
                item.forceActiveFocus(forward ? Qt.TabFocusReason : Qt.BacktabFocusReason)
                return
            }
        }
    }

    Shortcut { sequences: ["Tab"]; enabled: trap.active; onActivated: trap.step(true) }
    Shortcut { sequences: ["Backtab", "Shift+Backtab", "Shift+Tab"]; enabled: trap.active; onActivated: trap.step(false) }
}
