import QtQuick
import Kiosk

// Where the keyboard is: a gold ring with a dark inner line, drawn inside the focused control's edge (so a
// clipping card or list never cuts it, and it shows on a gold toggle as on the dark ground). A tap never moves
// the focus, so touch visitors never see it. Put one in any control that takes focus: `FocusRing {}`;
// The control speaks for the texts inside it (its accessible name says them): they leave the readers' tree,
// so a card or a button reads once, as one item.
Rectangle {
    id: ring
    property bool shown: parent !== null && parent.activeFocus
    readonly property int edge: Math.max(3, Theme.px(5))
    Component.onCompleted: {
        const todo = parent !== null ? [parent] : []
        while (todo.length > 0) {
            const item = todo.pop()
            for (let i = 0; i < item.children.length; ++i)
                todo.push(item.children[i])
            if (item.serif !== undefined && item.kind !== undefined)   // a KText
                item.Accessible.ignored = true
        }
    }

    anchors.fill: parent
    z: 100
    visible: shown
    radius: Theme.radius
    color: "transparent"
    border.width: edge
    border.color: Theme.gold
    Rectangle {
        anchors { fill: parent; margins: ring.edge }
        radius: Math.max(0, ring.radius - ring.edge)
        color: "transparent"
        border.width: Math.max(2, Theme.px(2))
        border.color: Theme.ground
    }
}
