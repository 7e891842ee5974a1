#pragma once

#include <QLatin1String>

// The Images API's body parameter names, as the API spells them.
namespace Atelier::Param {

inline constexpr QLatin1String Model {"model"};
inline constexpr QLatin1String Prompt {"prompt"};
inline constexpr QLatin1String Image {"image"};
inline constexpr QLatin1String Mask {"mask"};
inline constexpr QLatin1String N {"n"};
inline constexpr QLatin1String Size {"size"};
inline constexpr QLatin1String Quality {"quality"};
inline constexpr QLatin1String Style {"style"};
inline constexpr QLatin1String Background {"background"};
inline constexpr QLatin1String Moderation {"moderation"};
inline constexpr QLatin1String OutputFormat {"output_format"};
inline constexpr QLatin1String OutputCompression {"output_compression"};
inline constexpr QLatin1String ResponseFormat {"response_format"};
inline constexpr QLatin1String InputFidelity {"input_fidelity"};
inline constexpr QLatin1String Stream {"stream"};
inline constexpr QLatin1String PartialImages {"partial_images"};
inline constexpr QLatin1String User {"user"};
inline constexpr QLatin1String SafetyIdentifier {"safety_identifier"};
inline constexpr QLatin1String Complexity {"complexity"};
inline constexpr QLatin1String FrameCount {"frame_count"};
inline constexpr QLatin1String FrameDurationMs {"frame_duration_ms"};
// An object: {"model": author model, "reasoning": {"effort": ...}}; multipart svg[model], ...
inline constexpr QLatin1String Svg {"svg"};
inline constexpr QLatin1String Markup {"markup"};

} // namespace Atelier::Param
