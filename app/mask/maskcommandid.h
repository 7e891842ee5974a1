#pragma once

namespace Atelier {

// QUndoCommand::id() values of the mask and markup documents' commands, in one place so they never
// clash.
enum class MaskCommandId : int {
    Edit = 1, // any change to the mask: a stroke, a shape, fill, clear, invert, feather, import
    Markup = 2, // a mark drawn on the markup layer: a pen stroke, an arrow, a circle, a box, clear
};

} // namespace Atelier
