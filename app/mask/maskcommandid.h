#pragma once

namespace Atelier {

// QUndoCommand::id() values of the mask document's commands, in one place so they never clash.
enum class MaskCommandId : int {
    Edit = 1, // any change to the mask: a stroke, a shape, fill, clear, invert, feather, import
};

} // namespace Atelier
