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

// Checks a request body against the schemas of the official OpenAPI description
// (shared/reference/openai-images-openapi.yaml): CreateImageRequest, CreateImageEditRequest
// (multipart) and CreateImageVariationRequest. Written independently of Atelier's catalog, so
// that it catches what the catalog gets wrong.
class OpenApiValidator
{
public:
    static QStringList validateGeneration(const QJsonObject &body);
    static QStringList validateEdit(const QList<ReceivedPart> &parts);
    static QStringList validateVariation(const QList<ReceivedPart> &parts);
};

} // namespace AtelierTest
