#pragma once

#include "model/imagerequest.h"

#include <QObject>

class QCheckBox;
class QImage;
class QLabel;
class QWidget;

namespace Atelier {

class ComposePanel;
class MaskPainter;
class ReferenceTray;
class StudioSession;

// The inputs of an edit or a variation, for ComposePanel: the reference tray with its buttons,
// the mask's state and "Keep pixels outside the mask", the image opened in the mask painter, the
// library entry the result descends from, and the fixes the inputs need before sending. It asks
// the panel for the request the controls describe and tells it to refresh.
class EditSources final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EditSources)

public:
    // The controls are made in `parent` (the panel's scrolling settings).
    EditSources(StudioSession *session, MaskPainter *painter, ComposePanel *panel, QWidget *parent);

    // The references and mask controls, shown while the endpoint takes images.
    QWidget *widget() const { return m_inputs; }
    ReferenceTray *tray() const { return m_references; }
    bool keepOutsideMask() const;
    // The library entry the edit's result descends from (0: none).
    qint64 editParentId() const { return m_editParentId; }

    // See ComposePanel, which forwards these.
    bool openForEdit(const QString &path, qint64 id = 0);
    bool editImage(const QString &path, qint64 id = 0);
    void openImages(const QStringList &paths);
    void takeImage(const QImage &image);
    void openForVariation(const QString &path, qint64 id = 0);
    void addReferences(const QStringList &paths);
    void addReferenceImages();
    // A recipe's images become the references (their recorded names kept); an edit's image and
    // mask are reopened in the painter. The sentence saying the size followed, or empty.
    QString restore(const ImageRequest &recipe);
    // Applies fixes to the inputs (asking first where they lose anything); false if the user
    // declined or a file could not be written.
    bool prepareInputs(QList<ImageRequest> &requests);

Q_SIGNALS:
    void statusMessage(const QString &text, int timeout);
    void painterRequested();
    void imageFileRequested(const QString &path, const QString &caption);
    void previewRequested();

private:
    void build();
    void chooseMask();
    void showMaskState();
    // An edit's Size follows its first image (EditFit) unless it already keeps the image's
    // shape; the sentence saying so, or empty when nothing changed.
    QString fitSizeToFirstImage();
    // The library id of the image stored at `path`, or 0.
    qint64 libraryIdOf(const QString &path) const;
    // The name a reference is shown by: `known` (a recipe's), else its file's name, else (a
    // file named by its content's hash) "Image from <date>".
    QString referenceName(const QString &path, const QString &known = QString()) const;
    // The name shown for `path` in the tray, or its reference name.
    QString shownName(const QString &path) const;
    // Added, removed or reordered: the size follows a new first image, and a mask painted on
    // an image that is no longer first is said to be left out.
    void referencesChanged();
    void addPastedImage(const QImage &image);
    // `image` written as a new file for the studio to send; empty (said why) on failure.
    QString savePastedImage(const QImage &image);

    StudioSession *m_session;
    MaskPainter *m_painter;
    ComposePanel *m_panel;
    QWidget *m_inputs = nullptr;
    ReferenceTray *m_references = nullptr;
    QString m_firstReference; // what referencesChanged() saw first last time
    QLabel *m_maskLabel = nullptr;
    QCheckBox *m_keepOutside = nullptr;
    qint64 m_editParentId = 0;
};

} // namespace Atelier
