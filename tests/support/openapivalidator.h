#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace AtelierTest {

// One part of a multipart/form-data body as the server received it.
struct ReceivedPart
{
    QString name;
    QString fileName;
    QString contentType;
    QByteArray data;
    bool isFile() const { return !fileName.isEmpty(); }
};

// Checks a request body against the request types of the official Node SDK 7.59.0
// (shared/reference/openai-node-7.59/images.d.ts: ImageGenerateParams, ImageEditParams as
// multipart, ImageCreateVariationParams), which supersede the older OpenAPI excerpt beside it.
// Only the schema: which fields exist, their types, ranges and values. What a model accepts is
// FakeModelRules' business. Written from the SDK file, independently of Atelier's catalog, so
// that it catches what the catalog gets wrong.
class OpenApiValidator
{
public:
    static QStringList validateGeneration(const QJsonObject &body);
    static QStringList validateEdit(const QList<ReceivedPart> &parts);
    static QStringList validateVariation(const QList<ReceivedPart> &parts);
    // POST /responses as Atelier uses it (openai-node 7.59.0 responses.d.ts:
    // ResponseCreateParamsBase, EasyInputMessage with input_text / input_image parts, and the
    // ImageGeneration tool of responses-image-generation.d.ts); other tools are not expected.
    static QStringList validateResponses(const QJsonObject &body);
};

} // namespace AtelierTest
