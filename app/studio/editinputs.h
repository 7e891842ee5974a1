#pragma once

#include "catalog/catalog.h"
#include "model/imagerequest.h"
#include "platform/result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace Atelier {

// One thing wrong with an edit's or variation's input files that Atelier can put right.
struct InputFix
{
    enum class Action {
        ConvertToPng, // the model does not take the file's format; no pixel changes
        CropSquare, // the model needs a square image: the centre square is kept
        Downscale, // over the model's byte limit: scaled down until it fits
        MaskFromGray, // a mask without transparency: black becomes the area to change
        ResizeMask, // the mask is another size than the first image
    };
    Action action = Action::ConvertToPng;
    int index = 0; // the input image's position; -1 for the mask
    bool needsConsent = true; // false: lossless, done without asking
    QString sentence; // what is wrong and what the fix does, for the user
};

// What EditInputs::apply() made: the request using the fixed files, and one sentence per change.
struct FixedInputs
{
    ImageRequest request;
    QStringList done;
};

// Checks an edit's or variation's files against the model's rules before anything is sent, and
// fixes what can be fixed: losslessly on its own, otherwise only when the user agrees.
class EditInputs final
{
    Q_DECLARE_TR_FUNCTIONS(Atelier::EditInputs)

public:
    explicit EditInputs(const Catalog &catalog)
        : m_catalog(catalog)
    { }

    // What could be fixed in the request's files (empty when all is well, or nothing can be).
    QList<InputFix> proposeFixes(const ImageRequest &request) const;

    // Applies `fixes` (from proposeFixes), writing the new files into `folder`; returns the
    // request using them, with what was done. The originals are untouched. A failure when a file
    // cannot be read or written.
    Result<FixedInputs> apply(const ImageRequest &request, const QList<InputFix> &fixes,
                              const QString &folder) const;

private:
    const Catalog &m_catalog;
};

} // namespace Atelier
