#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QMap>
#include <QString>
#include <QStringList>

namespace Atelier {

// One turn of a refine conversation through the Responses API's image_generation tool: a plain
// value ("recipe") like ImageRequest, for POST /v1/responses. The first turn carries the prompt
// and the user's images; a later one only the new instruction and the id of the response it
// continues (the provider keeps the earlier turns and their images).
struct RefineRequest
{
    QString responsesModel; // the mainline model the tool runs under, e.g. gpt-5.2
    QString prompt; // the instruction of this turn
    QStringList images; // input image files, sent as input_image data URLs
    QString previousResponseId; // empty: a new conversation
    bool stream = false;
    // The image_generation tool's fields, keyed by their SDK names (model, size, quality,
    // background, output_format, output_compression, partial_images, complexity, moderation,
    // input_fidelity, action). Unset ones are absent and never sent.
    QMap<QString, QJsonValue> tool;

    void setTool(const QString &name, const QJsonValue &value) { tool.insert(name, value); }
    QJsonValue toolValue(const QString &name) const { return tool.value(name); }
    // The image model the tool is asked for; empty: the provider's default.
    QString imageModel() const { return tool.value(QStringLiteral("model")).toString(); }

    // The recipe as JSON ({"api": "responses", ...}), and back.
    QJsonObject toJson() const;
    static RefineRequest fromJson(const QJsonObject &json);

    friend bool operator==(const RefineRequest &a, const RefineRequest &b);
    friend bool operator!=(const RefineRequest &a, const RefineRequest &b) { return !(a == b); }
};

} // namespace Atelier
