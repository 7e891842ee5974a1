#include "maskpainter.h"

#include "library/contentfiles.h"
#include "theme/icons.h"

#include <QAction>
#include <QActionGroup>
#include <QColorDialog>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QImageReader>
#include <QLabel>
#include <QSlider>
#include <QSpinBox>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Atelier {

namespace {

constexpr QSize LargestCanvas(3840, 2160);

} // namespace

MaskPainter::MaskPainter(QWidget *parent)
    : QWidget(parent)
    , m_document(new MaskDocument(this))
    , m_markup(new MarkupDocument(this))
    , m_canvas(new MaskCanvas(m_document, this))
{
    m_canvas->setMarkup(m_markup);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    // Two rows, so that every control is visible in a 1400-pixel-wide window: the tools and
    // the mask's history, then the brush and the view.
    auto *tools = new QToolBar(this);
    auto *brush = new QToolBar(this);
    auto *marks = new QToolBar(this);
    marks->setObjectName(u"markupBar"_s);
    for (QToolBar *bar : {tools, brush, marks}) {
        bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon); // text only where no icon
        layout->addWidget(bar);
    }
    buildToolBars(tools, brush);
    buildMarkupBar(marks);
    layout->addWidget(m_canvas, 1);
    m_state = new QLabel(this);
    layout->addWidget(m_state);
    connect(m_canvas, &MaskCanvas::sendRequested, this, &MaskPainter::sendRequested);
    connect(m_canvas, &MaskCanvas::zoomChanged, this, &MaskPainter::showState);
    connect(m_document->undoStack(), &QUndoStack::indexChanged, this, &MaskPainter::showState);
    connect(m_markup->undoStack(), &QUndoStack::indexChanged, this, &MaskPainter::showState);
    connect(m_canvas, &MaskCanvas::toolChanged, this, [this](MaskCanvas::Tool tool) {
        const QList<QAction *> actions = m_tools->actions();
        actions.at(int(tool))->setChecked(true);
        showState();
    });
    showState();
}

MaskPainter::~MaskPainter()
{
    // The documents' histories announce their last changes while they are destroyed, after
    // this object has stopped being a MaskPainter: nothing of this may hear them.
    m_document->undoStack()->disconnect(this);
    m_markup->undoStack()->disconnect(this);
    m_canvas->disconnect(this);
}

void MaskPainter::buildToolBars(QToolBar *bar, QToolBar *brush)
{
    m_tools = new QActionGroup(this);
    const struct
    {
        QString text;
        QString tip;
        MaskCanvas::Tool tool;
    } tools[] = {
        {tr("Brush"), tr("Paint where the image may change (B)."), MaskCanvas::Tool::Brush},
        {tr("Eraser"), tr("Take paint away (E); Alt swaps brush and eraser."),
         MaskCanvas::Tool::Eraser},
        {tr("Rect"), tr("Drag a rectangle (R); Alt subtracts."), MaskCanvas::Tool::Rectangle},
        {tr("Ellipse"), tr("Drag an ellipse (O); Alt subtracts."), MaskCanvas::Tool::Ellipse},
        {tr("Lasso"), tr("Draw around an area freehand (L); Alt subtracts."),
         MaskCanvas::Tool::Lasso},
        {tr("Polygon"), tr("Click the corners, double-click or Return to fill (P); Alt subtracts."),
         MaskCanvas::Tool::Polygon},
    };
    for (const auto &tool : tools) {
        QAction *action = bar->addAction(tool.text);
        action->setToolTip(tool.tip);
        action->setCheckable(true);
        action->setChecked(tool.tool == MaskCanvas::Tool::Brush);
        m_tools->addAction(action);
        const MaskCanvas::Tool which = tool.tool;
        connect(action, &QAction::triggered, this, [this, which] {
            m_canvas->setTool(which);
            m_canvas->setFocus();
        });
    }
    QAction *subtract = bar->addAction(tr("Subtract"));
    subtract->setCheckable(true);
    subtract->setToolTip(tr("Shapes take away from the mask instead of adding to it."));
    connect(subtract, &QAction::toggled, m_canvas, &MaskCanvas::setSubtract);
    bar->addSeparator();

    // Fixed button texts (QUndoStack's own actions grow to "Undo Brush stroke" and push the
    // row's last buttons out of sight); what would be undone is in the tooltip.
    auto *undo = new QAction(tr("Undo"), this);
    undo->setObjectName(u"undo"_s);
    undo->setShortcut(QKeySequence::Undo);
    undo->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    auto *redo = new QAction(tr("Redo"), this);
    redo->setObjectName(u"redo"_s);
    redo->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence::Redo});
    redo->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(undo, &QAction::triggered, this, [this] { activeHistory()->undo(); });
    connect(redo, &QAction::triggered, this, [this] { activeHistory()->redo(); });
    auto describeHistory = [this, undo, redo] {
        QUndoStack *history = activeHistory();
        undo->setEnabled(history->canUndo());
        redo->setEnabled(history->canRedo());
        undo->setToolTip(
            history->canUndo()
                ? tr("Undo: %1 (%2)")
                      .arg(history->undoText(), undo->shortcut().toString(QKeySequence::NativeText))
                : tr("Nothing to undo"));
        redo->setToolTip(
            history->canRedo()
                ? tr("Redo: %1 (%2)")
                      .arg(history->redoText(), redo->shortcut().toString(QKeySequence::NativeText))
                : tr("Nothing to redo"));
    };
    connect(m_document->undoStack(), &QUndoStack::indexChanged, this, describeHistory);
    connect(m_markup->undoStack(), &QUndoStack::indexChanged, this, describeHistory);
    connect(m_canvas, &MaskCanvas::toolChanged, this, describeHistory);
    describeHistory();
    bar->addAction(undo);
    bar->addAction(redo);
    addAction(undo);
    addAction(redo);

    auto *more = new QToolButton(bar);
    more->setObjectName(u"maskMenu"_s);
    more->setText(tr("Mask"));
    more->setIcon(Icons::editMask());
    more->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    more->setPopupMode(QToolButton::InstantPopup);
    more->setToolTip(tr("Fill, clear, invert, feather, import and export the mask."));
    more->addAction(tr("Fill all"), m_document, &MaskDocument::fillAll);
    more->addAction(tr("Clear"), m_document, &MaskDocument::clear);
    QAction *invert = new QAction(tr("Invert"), this);
    invert->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    invert->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(invert, &QAction::triggered, m_document, &MaskDocument::invert);
    more->addAction(invert);
    addAction(invert);
    more->addAction(tr("Grow, shrink, feather…"), this, &MaskPainter::feather);
    more->addAction(tr("Import mask…"), this, [this] {
        const QString file = QFileDialog::getOpenFileName(
            this, tr("Import a mask"), QString(), tr("Images (*.png *.jpg *.jpeg *.webp *.bmp)"));
        if (file.isEmpty())
            return;
        if (const Status imported = importMask(file); !imported)
            Q_EMIT statusMessage(imported.error());
    });
    more->addAction(tr("Export mask…"), this, [this] {
        const QString file = QFileDialog::getSaveFileName(this, tr("Export the mask"), QString(),
                                                          tr("PNG images (*.png)"));
        if (file.isEmpty())
            return;
        if (const Status saved = ContentFiles::writeAtomically(file, ContentFiles::png(apiMask()));
            saved)
            Q_EMIT statusMessage(tr("Saved the mask as the API takes it to %1.").arg(file));
        else
            Q_EMIT statusMessage(
                tr("The mask could not be saved: %1 Choose another folder.").arg(saved.error()));
    });
    bar->addWidget(more);

    m_size = new QSpinBox(brush);
    m_size->setObjectName(u"brushSize"_s);
    m_size->setRange(1, 2000);
    m_size->setSuffix(tr(" px"));
    m_size->setValue(int(m_document->brushDiameter()));
    m_size->setToolTip(tr("Brush size in image pixels; [ and ] change it."));
    brush->addWidget(new QLabel(tr(" Size "), brush));
    brush->addWidget(m_size);
    connect(m_size, &QSpinBox::valueChanged, this,
            [this](int value) { m_document->setBrushDiameter(value); });
    m_hardness = new QSpinBox(brush);
    m_hardness->setObjectName(u"brushHardness"_s);
    m_hardness->setRange(0, 100);
    m_hardness->setSuffix(u"%"_s);
    m_hardness->setValue(int(m_document->brushHardness() * 100));
    m_hardness->setToolTip(tr("100% paints a crisp edge; lower values fade out towards the edge."));
    brush->addWidget(new QLabel(tr(" Hardness "), brush));
    brush->addWidget(m_hardness);
    connect(m_hardness, &QSpinBox::valueChanged, this,
            [this](int value) { m_document->setBrushHardness(value / 100.0); });
    // [ and ] on the canvas change the brush: the fields follow.
    connect(m_document, &MaskDocument::brushChanged, this, [this] {
        m_size->setValue(int(std::lround(m_document->brushDiameter())));
        m_hardness->setValue(int(std::lround(m_document->brushHardness() * 100)));
    });
    m_opacity = new QSlider(Qt::Horizontal, brush);
    m_opacity->setRange(10, 100);
    m_opacity->setValue(50);
    m_opacity->setMaximumWidth(90);
    m_opacity->setToolTip(tr("How strongly the mask tints the image."));
    brush->addWidget(new QLabel(tr(" Tint "), brush));
    brush->addWidget(m_opacity);
    connect(m_opacity, &QSlider::valueChanged, this,
            [this](int value) { m_canvas->setOverlayOpacity(value / 100.0); });
    QAction *view = brush->addAction(tr("API view"));
    view->setObjectName(QStringLiteral("apiView"));
    view->setCheckable(true);
    view->setToolTip(
        tr("Show the image as the API will see it, the area to change transparent (M)."));
    connect(view, &QAction::toggled, this, [this](bool on) {
        m_canvas->setView(on ? MaskCanvas::View::Result : MaskCanvas::View::Overlay);
    });
    connect(m_canvas, &MaskCanvas::viewChanged, view, [view](MaskCanvas::View now) {
        view->setChecked(now == MaskCanvas::View::Result); // M on the canvas switches too
    });
    brush->addSeparator();
    QAction *fit
        = brush->addAction(Icons::zoomFit(), tr("Fit"), m_canvas, &MaskCanvas::fitToWindow);
    fit->setObjectName(u"zoomFit"_s);
    fit->setToolTip(tr("Fit the image in the view (F)."));
    QAction *actual
        = brush->addAction(Icons::zoom100(), tr("100%"), m_canvas, &MaskCanvas::actualSize);
    actual->setObjectName(u"zoom100"_s);
    actual->setToolTip(tr("One image pixel per screen pixel (1)."));
}

void MaskPainter::buildMarkupBar(QToolBar *bar)
{
    bar->addWidget(new QLabel(tr("Markup "), bar));
    const struct
    {
        QString text;
        QString tip;
        MaskCanvas::Tool tool;
    } tools[] = {
        {tr("Pen"),
         tr("Draw a freehand mark on the markup layer (markup edits: gpt-image-2.5 and later)."),
         MaskCanvas::Tool::MarkPen},
        {tr("Arrow"), tr("Drag from where the arrow starts to what it points at."),
         MaskCanvas::Tool::MarkArrow},
        {tr("Circle"), tr("Drag a circle or ellipse around something."),
         MaskCanvas::Tool::MarkEllipse},
        {tr("Box"), tr("Drag a box around something."), MaskCanvas::Tool::MarkBox},
    };
    for (const auto &tool : tools) {
        QAction *action = bar->addAction(tool.text);
        if (tool.tool == MaskCanvas::Tool::MarkPen)
            action->setIcon(Icons::markup());
        action->setToolTip(tool.tip);
        action->setCheckable(true);
        m_tools->addAction(action); // after the mask's tools, in the order of MaskCanvas::Tool
        const MaskCanvas::Tool which = tool.tool;
        connect(action, &QAction::triggered, this, [this, which] {
            m_canvas->setTool(which);
            m_canvas->setFocus();
        });
    }
    auto *colour = new QToolButton(bar);
    colour->setObjectName(u"markupColour"_s);
    colour->setToolTip(tr("The colour of new marks."));
    auto showColour = [colour, this] {
        QPixmap swatch(16, 16);
        swatch.fill(m_markup->color());
        colour->setIcon(QIcon(swatch));
        colour->setText(m_markup->color().name());
    };
    colour->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    showColour();
    connect(colour, &QToolButton::clicked, this, [this, showColour] {
        const QColor chosen = QColorDialog::getColor(m_markup->color(), this, tr("Markup colour"));
        if (chosen.isValid()) {
            m_markup->setColor(chosen);
            showColour();
        }
    });
    bar->addWidget(colour);
    auto *width = new QSpinBox(bar);
    width->setObjectName(u"markupWidth"_s);
    width->setRange(1, 400);
    width->setSuffix(tr(" px"));
    width->setValue(int(m_markup->lineWidth()));
    width->setToolTip(tr("Line width of new marks, in image pixels."));
    bar->addWidget(new QLabel(tr(" Width "), bar));
    bar->addWidget(width);
    connect(width, &QSpinBox::valueChanged, this,
            [this](int value) { m_markup->setLineWidth(value); });
    bar->addAction(tr("Clear marks"), m_markup, &MarkupDocument::clear)
        ->setToolTip(tr("Remove every mark (undoable)."));
}

QUndoStack *MaskPainter::activeHistory() const
{
    return MaskCanvas::isMarkupTool(m_canvas->tool()) ? m_markup->undoStack()
                                                      : m_document->undoStack();
}

bool MaskPainter::hasMarkup() const
{
    return hasImage() && !m_markup->isEmpty();
}

Result<QString> MaskPainter::saveMarkup(const QString &folder) const
{
    return ContentFiles::store(folder, ContentFiles::png(m_markup->apiMarkup(m_sourceSize)),
                               u"png"_s);
}

namespace {

// A folder chosen where an image file was meant.
Status notAFolder(const QString &path)
{
    if (QFileInfo(path).isDir())
        return failure(MaskPainter::tr("%1 is a folder, not an image file; choose a file in it.")
                           .arg(QFileInfo(path).fileName()));
    return success();
}

} // namespace

Status MaskPainter::openImage(const QString &path)
{
    if (const Status file = notAFolder(path); !file)
        return file;
    QImageReader reader(path);
    reader.setAutoTransform(true);
    const QImage image = reader.read();
    if (image.isNull())
        return failure(tr("%1 cannot be opened for painting: %2.")
                           .arg(QFileInfo(path).fileName(), reader.errorString()));
    m_path = path;
    m_sourceSize = image.size();
    const bool tooLarge
        = image.width() > LargestCanvas.width() || image.height() > LargestCanvas.height();
    m_canvas->setImage(
        tooLarge ? image.scaled(LargestCanvas, Qt::KeepAspectRatio, Qt::SmoothTransformation)
                 : image);
    m_canvas->setTool(MaskCanvas::Tool::Brush);
    m_tools->actions().constFirst()->setChecked(true);
    // A brush about 1/20 of the image: big enough to be quick, small enough to be precise.
    m_size->setValue(std::max(8, std::min(image.width(), image.height()) / 20));
    if (auto *width = findChild<QSpinBox *>(u"markupWidth"_s))
        width->setValue(std::max(2, std::min(image.width(), image.height()) / 120));
    if (tooLarge)
        Q_EMIT statusMessage(
            tr("%1 is %2x%3; it is painted at %4x%5 and the mask is scaled back up when sent.")
                .arg(QFileInfo(path).fileName())
                .arg(image.width())
                .arg(image.height())
                .arg(m_document->size().width())
                .arg(m_document->size().height()));
    showState();
    Q_EMIT imageOpened(path);
    return success();
}

void MaskPainter::close()
{
    m_path.clear();
    m_sourceSize = QSize();
    m_canvas->setImage(QImage());
    showState();
}

bool MaskPainter::hasMask() const
{
    return hasImage() && !m_document->isEmpty();
}

Status MaskPainter::importMask(const QString &path)
{
    if (const Status file = notAFolder(path); !file)
        return file;
    const Result<QString> note = m_document->importMask(QImage(path));
    if (!note)
        return note.failure();
    Q_EMIT statusMessage(
        note->isEmpty() ? tr("Mask imported from %1.").arg(QFileInfo(path).fileName()) : *note);
    return success();
}

QImage MaskPainter::apiMask() const
{
    const QImage mask = m_document->apiMask();
    return mask.size() == m_sourceSize
        ? mask
        : mask.scaled(m_sourceSize, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
}

Result<QString> MaskPainter::saveApiMask(const QString &folder) const
{
    return ContentFiles::store(folder, ContentFiles::png(apiMask()), u"png"_s);
}

void MaskPainter::feather()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Grow, shrink, feather"));
    auto *form = new QFormLayout(&dialog);
    auto *grow = new QSpinBox(&dialog);
    grow->setRange(-500, 500);
    grow->setSuffix(tr(" px"));
    grow->setToolTip(tr("Positive grows the painted area, negative shrinks it."));
    auto *blur = new QSpinBox(&dialog);
    blur->setRange(0, 500);
    blur->setValue(8);
    blur->setSuffix(tr(" px"));
    blur->setToolTip(tr("How wide the soft edge is."));
    form->addRow(tr("Grow (negative: shrink)"), grow);
    form->addRow(tr("Soft edge"), blur);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() == QDialog::Accepted)
        m_document->feather(grow->value(), blur->value());
}

void MaskPainter::showState()
{
    if (!hasImage()) {
        m_state->setText(
            tr("No image: open one to edit (File ▸ Edit an image…, or Edit in the gallery)."));
        return;
    }
    m_state->setText(tr("%1 · %2x%3 · zoom %4% · %5% of the image may change · %n step(s) to undo",
                        nullptr, m_document->undoStack()->index())
                         .arg(QFileInfo(m_path).fileName())
                         .arg(m_sourceSize.width())
                         .arg(m_sourceSize.height())
                         .arg(qRound(m_canvas->zoom() * 100))
                         .arg(m_document->coveredFraction() * 100, 0, 'f', 1));
    if (m_markup->undoStack()->index() > 0 && !m_markup->isEmpty())
        m_state->setText(
            m_state->text()
            + tr(" · %n mark(s), sent as markup", nullptr, m_markup->undoStack()->index()));
}

} // namespace Atelier
