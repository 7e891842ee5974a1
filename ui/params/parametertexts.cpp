#include "parametertexts.h"

#include <QCoreApplication>
#include <QHash>

#include <numeric>

using namespace Qt::StringLiterals;

namespace Atelier::ParameterTexts {

const QString CustomSize = u"custom"_s;
// Fields of the svg object, shown as rows of their own.
const QString SvgModel = u"svg.model"_s;
const QString SvgEffort = u"svg.reasoning.effort"_s;

// The body parameters the panel shows, in order; prompt, images and mask live elsewhere.
const QStringList &panelParameters()
{
    static const QStringList names = {Param::Size,
                                      Param::Quality,
                                      Param::Complexity,
                                      Param::Style,
                                      Param::Background,
                                      Param::OutputFormat,
                                      Param::OutputCompression,
                                      Param::FrameCount,
                                      Param::FrameDurationMs,
                                      SvgModel,
                                      SvgEffort,
                                      Param::Moderation,
                                      Param::ResponseFormat,
                                      Param::InputFidelity,
                                      Param::N,
                                      Param::Stream,
                                      Param::PartialImages,
                                      Param::User};
    return names;
}

// Set once in a while, so under Advanced: compression, moderation, delivery, ids, SVG details.
bool isAdvanced(const QString &name)
{
    static const QStringList advanced
        = {Param::OutputCompression, Param::FrameDurationMs, SvgModel,   SvgEffort,
           Param::Moderation,        Param::ResponseFormat,  Param::User};
    return advanced.contains(name);
}

// A value as a person says it: "Square 1:1 — 1024×1024", "High", "PNG".
QString friendlyValue(const QString &parameter, const QString &value)
{
    const auto text = [](const char *source) {
        return QCoreApplication::translate("Atelier::ParameterPanel", source);
    };
    if (parameter == Param::Size) {
        const QStringList parts = value.split(u'x');
        const int width = parts.value(0).toInt();
        const int height = parts.size() == 2 ? parts.value(1).toInt() : 0;
        if (width <= 0 || height <= 0)
            return value == u"auto" ? text("Auto") : value;
        const int divisor = std::gcd(width, height);
        const QString ratio = u"%1:%2"_s.arg(width / divisor).arg(height / divisor);
        const QString shape = width == height
            ? text(QT_TRANSLATE_NOOP("Atelier::ParameterPanel", "Square"))
            : width > height ? text(QT_TRANSLATE_NOOP("Atelier::ParameterPanel", "Landscape"))
                             : text(QT_TRANSLATE_NOOP("Atelier::ParameterPanel", "Portrait"));
        return u"%1 %2 — %3×%4"_s.arg(shape, ratio).arg(width).arg(height);
    }
    static const QHash<QString, const char *> words = {
        {u"auto"_s, QT_TRANSLATE_NOOP("Atelier::ParameterPanel", "Auto")},
        {u"low"_s, QT_TRANSLATE_NOOP("Atelier::ParameterPanel", "Low")},
        {u"medium"_s, QT_TRANSLATE_NOOP("Atelier::ParameterPanel", "Medium")},
        {u"high"_s, QT_TRANSLATE_NOOP("Atelier::ParameterPanel", "High")},
        {u"xhigh"_s, QT_TRANSLATE_NOOP("Atelier::ParameterPanel", "Extra high")},
        {u"max"_s, QT_TRANSLATE_NOOP("Atelier::ParameterPanel", "Maximum")},
        {u"standard"_s, QT_TRANSLATE_NOOP("Atelier::ParameterPanel", "Standard")},
        {u"hd"_s, QT_TRANSLATE_NOOP("Atelier::ParameterPanel", "HD")},
        {u"vivid"_s, QT_TRANSLATE_NOOP("Atelier::ParameterPanel", "Vivid")},
        {u"natural"_s, QT_TRANSLATE_NOOP("Atelier::ParameterPanel", "Natural")},
        {u"transparent"_s, QT_TRANSLATE_NOOP("Atelier::ParameterPanel", "Transparent")},
        {u"opaque"_s, QT_TRANSLATE_NOOP("Atelier::ParameterPanel", "Opaque")},
        {u"png"_s, "PNG"},
        {u"jpeg"_s, "JPEG"},
        {u"webp"_s, "WebP"},
        {u"gif"_s, "GIF"},
        {u"svg"_s, "SVG"},
        {u"url"_s, QT_TRANSLATE_NOOP("Atelier::ParameterPanel", "Link (url)")},
        {u"b64_json"_s, QT_TRANSLATE_NOOP("Atelier::ParameterPanel", "In the answer (b64_json)")},
        {u"minimal"_s, QT_TRANSLATE_NOOP("Atelier::ParameterPanel", "Minimal")},
        {u"simple"_s, QT_TRANSLATE_NOOP("Atelier::ParameterPanel", "Simple")},
        {u"detailed"_s, QT_TRANSLATE_NOOP("Atelier::ParameterPanel", "Detailed")},
    };
    if (const char *word = words.value(value))
        return text(word);
    return value.isEmpty() ? value : value.front().toUpper() + value.mid(1);
}

// The kind of control a row needs: an API parameter's own, or its field's for svg.*.
ParameterKind rowKind(const QString &name)
{
    if (name == SvgModel)
        return ParameterKind::Text;
    if (name == SvgEffort)
        return ParameterKind::Choice;
    return parameterKind(name);
}

QString labelFor(const QString &parameter)
{
    static const QHash<QString, const char *> labels = {
        {Param::Size, QT_TRANSLATE_NOOP("Atelier::ParameterPanel", "Size")},
        {Param::Quality, QT_TRANSLATE_NOOP("Atelier::ParameterPanel", "Quality")},
        {Param::Style, QT_TRANSLATE_NOOP("Atelier::ParameterPanel", "Style")},
        {Param::Background, QT_TRANSLATE_NOOP("Atelier::ParameterPanel", "Background")},
        {Param::OutputFormat, QT_TRANSLATE_NOOP("Atelier::ParameterPanel", "Format")},
        {Param::OutputCompression, QT_TRANSLATE_NOOP("Atelier::ParameterPanel", "Compression")},
        {Param::Moderation, QT_TRANSLATE_NOOP("Atelier::ParameterPanel", "Moderation")},
        {Param::ResponseFormat, QT_TRANSLATE_NOOP("Atelier::ParameterPanel", "Delivery")},
        {Param::InputFidelity, QT_TRANSLATE_NOOP("Atelier::ParameterPanel", "Input fidelity")},
        {Param::N, QT_TRANSLATE_NOOP("Atelier::ParameterPanel", "Images")},
        {Param::Stream, QT_TRANSLATE_NOOP("Atelier::ParameterPanel", "Stream")},
        {Param::PartialImages, QT_TRANSLATE_NOOP("Atelier::ParameterPanel", "Partial images")},
        {Param::User, QT_TRANSLATE_NOOP("Atelier::ParameterPanel", "End-user id")},
        {Param::Complexity, QT_TRANSLATE_NOOP("Atelier::ParameterPanel", "Complexity")},
        {Param::FrameCount, QT_TRANSLATE_NOOP("Atelier::ParameterPanel", "GIF frames")},
        {Param::FrameDurationMs, QT_TRANSLATE_NOOP("Atelier::ParameterPanel", "Frame time (ms)")},
        {SvgModel, QT_TRANSLATE_NOOP("Atelier::ParameterPanel", "SVG author")},
        {SvgEffort, QT_TRANSLATE_NOOP("Atelier::ParameterPanel", "SVG reasoning")},
    };
    return QCoreApplication::translate("Atelier::ParameterPanel", labels.value(parameter, ""));
}

QString describe(const QString &parameter)
{
    static const QHash<QString, const char *> help = {
        {Param::Size,
         QT_TRANSLATE_NOOP("Atelier::ParameterPanel",
                           "Width x height of the image; auto lets the model choose.")},
        {Param::Quality,
         QT_TRANSLATE_NOOP("Atelier::ParameterPanel",
                           "Higher quality takes longer and uses more tokens.")},
        {Param::Style,
         QT_TRANSLATE_NOOP("Atelier::ParameterPanel",
                           "vivid leans hyper-real and dramatic; natural looks less so.")},
        {Param::Background,
         QT_TRANSLATE_NOOP("Atelier::ParameterPanel", "transparent needs PNG or WebP output.")},
        {Param::OutputFormat,
         QT_TRANSLATE_NOOP("Atelier::ParameterPanel", "The file format the API returns.")},
        {Param::OutputCompression,
         QT_TRANSLATE_NOOP("Atelier::ParameterPanel", "0-100, for JPEG and WebP output only.")},
        {Param::Moderation,
         QT_TRANSLATE_NOOP("Atelier::ParameterPanel", "low filters less strictly than auto.")},
        {Param::ResponseFormat,
         QT_TRANSLATE_NOOP(
             "Atelier::ParameterPanel",
             "url or b64_json; URLs are downloaded at once (they expire after an hour).")},
        {Param::InputFidelity,
         QT_TRANSLATE_NOOP("Atelier::ParameterPanel",
                           "How closely an edit keeps the input's features, faces especially.")},
        {Param::N, QT_TRANSLATE_NOOP("Atelier::ParameterPanel", "How many images to make.")},
        {Param::Stream,
         QT_TRANSLATE_NOOP("Atelier::ParameterPanel", "Show the image while it is being drawn.")},
        {Param::PartialImages,
         QT_TRANSLATE_NOOP("Atelier::ParameterPanel",
                           "How many previews to stream before the final image (needs Stream).")},
        {Param::User,
         QT_TRANSLATE_NOOP("Atelier::ParameterPanel",
                           "Deprecated: the safety identifier in the settings replaces it. An id "
                           "for your end-user, passed to the API for abuse monitoring.")},
        {Param::Complexity,
         QT_TRANSLATE_NOOP("Atelier::ParameterPanel",
                           "How much the model plans the image, independent of quality; Default "
                           "lets the model decide.")},
        {Param::FrameCount,
         QT_TRANSLATE_NOOP("Atelier::ParameterPanel",
                           "Frames of an animated GIF (2-16; needs Format gif).")},
        {Param::FrameDurationMs,
         QT_TRANSLATE_NOOP(
             "Atelier::ParameterPanel",
             "How long each GIF frame shows, in milliseconds (rounded to 10; needs Format gif).")},
        {SvgModel,
         QT_TRANSLATE_NOOP("Atelier::ParameterPanel",
                           "The text model that writes the SVG (needs Format svg and SVG model "
                           "selection on your account); empty: the API's choice.")},
        {SvgEffort,
         QT_TRANSLATE_NOOP("Atelier::ParameterPanel",
                           "How much the SVG author reasons (needs Format svg).")},
    };
    return QCoreApplication::translate("Atelier::ParameterPanel", help.value(parameter, ""));
}

QString endpointLabel(Endpoint endpoint)
{
    switch (endpoint) {
    case Endpoint::Generations:
        return QCoreApplication::translate("Atelier::ParameterPanel", "Generate");
    case Endpoint::Edits:
        return QCoreApplication::translate("Atelier::ParameterPanel", "Edit");
    case Endpoint::Variations:
        return QCoreApplication::translate("Atelier::ParameterPanel", "Variation");
    }
    return {};
}

} // namespace Atelier::ParameterTexts
