#include "photoviewer.h"

#include "faceindexer.h"
#include "faceindexjob.h"
#include "icons.h"
#include "libraryservice.h"
#include "peoplecontroller.h"
#include "peopleservice.h"
#include "photolistmodel.h"
#include "photoview.h"
#include "thumbnailprovider.h"

#include <QCursor>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QScreen>
#include <QSettings>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace kindred {

namespace {
QToolButton* toolButton(QWidget* parent, Icons::Name icon, const QString& tip)
{
    auto* b = new QToolButton(parent);
    b->setIcon(Icons::icon(icon));
    b->setIconSize(QSize(22, 22));
    b->setToolTip(tip);
    b->setAutoRaise(true);
    b->setFocusPolicy(Qt::NoFocus);
    return b;
}

QLabel* valueLabel(QWidget* parent)
{
    auto* l = new QLabel(parent);
    l->setWordWrap(true);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return l;
}
} // namespace

PhotoViewer::PhotoViewer(ThumbnailProvider* provider, QWidget* parent) : QWidget(parent), m_provider(provider)
{
    setFocusPolicy(Qt::StrongFocus);
    m_view = new PhotoView(this);
    m_view->setFocusProxy(this);
    m_back = toolButton(this, Icons::Name::Back, tr("Back to the photos (Esc)"));
    m_back->setText(tr("Back"));
    m_back->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_prev = toolButton(this, Icons::Name::Previous, tr("Previous photo (Left arrow)"));
    m_next = toolButton(this, Icons::Name::Next, tr("Next photo (Right arrow)"));
    m_facePool.setMaxThreadCount(1);
    m_facePool.setExpiryTimeout(-1);
    m_manualPool.setMaxThreadCount(1);
    m_manualPool.setExpiryTimeout(-1);
    m_faces = toolButton(this, Icons::Name::Faces, tr("Show the faces and their names (F)"));
    m_faces->setCheckable(true);
    m_faces->setChecked(true);
    m_faces->setEnabled(false);
    m_draw =
        toolButton(this, Icons::Name::UnknownFace, tr("Add a face Kindred missed: draw a box around it (D)"));
    m_draw->setText(tr("Add a face"));
    m_draw->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_draw->setCheckable(true);
    m_draw->setEnabled(false);
    m_position = new QLabel(this);
    m_position->setForegroundRole(QPalette::PlaceholderText);

    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(8, 6, 8, 6);
    bar->addWidget(m_back);
    bar->addStretch(1);
    bar->addWidget(m_prev);
    bar->addWidget(m_position);
    bar->addWidget(m_next);
    bar->addStretch(1);
    bar->addWidget(m_draw);
    bar->addWidget(m_faces);

    m_panel = new QWidget(this);
    m_panel->setFixedWidth(260);
    m_panel->setBackgroundRole(QPalette::AlternateBase);
    m_panel->setAutoFillBackground(true);
    m_form = new QFormLayout;
    m_form->setRowWrapPolicy(QFormLayout::WrapAllRows);
    m_name = valueLabel(m_panel);
    QFont nf = m_name->font();
    nf.setBold(true);
    m_name->setFont(nf);
    m_date = valueLabel(m_panel);
    m_camera = valueLabel(m_panel);
    m_dims = valueLabel(m_panel);
    m_gps = valueLabel(m_panel);
    m_gps->setOpenExternalLinks(false);
    m_path = valueLabel(m_panel);
    m_form->addRow(m_name);
    const QList<QPair<QString, QLabel*>> rows{{tr("Date"), m_date},
                                              {tr("Camera"), m_camera},
                                              {tr("Size"), m_dims},
                                              {tr("Location"), m_gps},
                                              {tr("File"), m_path}};
    for (const auto& [text, value] : rows) {
        auto* label = new QLabel(text, m_panel);
        label->setForegroundRole(QPalette::PlaceholderText);
        m_form->addRow(label, value);
    }
    auto* pl = new QVBoxLayout(m_panel);
    pl->setContentsMargins(14, 14, 14, 14);
    pl->addLayout(m_form);
    pl->addStretch(1);

    auto* body = new QHBoxLayout;
    body->setContentsMargins(0, 0, 0, 0);
    body->setSpacing(0);
    body->addWidget(m_view, 1);
    body->addWidget(m_panel);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    layout->addLayout(body, 1);

    connect(m_back, &QToolButton::clicked, this, &PhotoViewer::closeRequested);
    connect(m_prev, &QToolButton::clicked, this, &PhotoViewer::previous);
    connect(m_next, &QToolButton::clicked, this, &PhotoViewer::next);
    connect(m_faces, &QToolButton::toggled, m_view, &PhotoView::setFacesVisible);
    connect(m_provider, &ThumbnailProvider::imageReady, this, &PhotoViewer::onImageReady);
    connect(m_draw, &QToolButton::toggled, m_view, &PhotoView::setDrawMode);
    connect(m_view, &PhotoView::faceClicked, this, [this](qint64 faceId, int) { onFaceClicked(faceId); });
    connect(m_view, &PhotoView::faceDrawn, this, [this](const QRectF& box) {
        m_draw->setChecked(false);
        addManualFace(box);
    });
}

PhotoViewer::~PhotoViewer()
{
    m_facePool.waitForDone();
    m_manualPool.waitForDone();
    // The indexer belongs to the manual pool's thread (its catalog connection); drop it there.
    std::shared_ptr<FaceIndexer> indexer = std::move(m_indexer);
    if (indexer) {
        (void)QtConcurrent::run(&m_manualPool, [indexer]() mutable { indexer.reset(); });
        indexer.reset();
        m_manualPool.waitForDone();
    }
}

void PhotoViewer::setFaceContext(PeopleController* people, const QString& catalogPath,
                                 const LibraryPaths& paths)
{
    if (m_people != people) {
        m_people = people;
        connect(m_people, &PeopleController::changed, this, &PhotoViewer::reloadFaces);
    }
    m_catalogPath = catalogPath;
    m_paths = paths;
    m_draw->setEnabled(!catalogPath.isEmpty());
    reloadFaces();
}

void PhotoViewer::reloadFaces()
{
    if (m_catalogPath.isEmpty() || m_photoId <= 0)
        return;
    const QString path = m_catalogPath;
    const LibraryPaths paths = m_paths;
    const qint64 photoId = m_photoId;
    const quint64 serial = ++m_faceSerial;
    // The pool is waited for in the destructor, so `this` outlives the worker.
    (void)QtConcurrent::run(&m_facePool, [this, path, paths, photoId, serial] {
        const QList<FaceRecord> faces = FaceService(path, paths).facesOfPhoto(photoId);
        QStringList names;
        for (const PersonSummary& p : PeopleService(path).persons(true))
            names.append(p.name);
        QMetaObject::invokeMethod(
            this, [this, photoId, faces, names, serial] { showFaces(photoId, faces, names, serial); },
            Qt::QueuedConnection);
    });
}

void PhotoViewer::showFaces(qint64 photoId, const QList<FaceRecord>& faces, const QStringList& names,
                            quint64 serial)
{
    if (serial != m_faceSerial || photoId != m_photoId)
        return;
    m_names = names;
    m_faceRecords.clear();
    QList<FaceBox> boxes;
    for (const FaceRecord& f : faces) {
        if (f.state == QLatin1String("ignored"))
            continue;
        m_faceRecords.append(f);
        FaceBox box;
        box.rect = f.box;
        box.faceId = f.id;
        box.suggestion = f.state == QLatin1String("suggested");
        if (f.state == QLatin1String("confirmed"))
            box.label = f.personName;
        else if (box.suggestion)
            box.label = tr("%1?").arg(f.personName);
        boxes.append(box);
    }
    m_view->setFaceBoxes(boxes);
    m_faces->setEnabled(!boxes.isEmpty());
    Q_EMIT facesShown(photoId, int(boxes.size()));
}

QString PhotoViewer::askName(const QString& title, const QString& current)
{
    bool ok = false;
    const int at = m_names.indexOf(current);
    const QString name = QInputDialog::getItem(this, title, tr("Name:"), m_names, qMax(0, at), true, &ok);
    if (!ok)
        return {};
    return name.simplified();
}

QList<PhotoViewer::FaceAction> PhotoViewer::faceActions(qint64 faceId) const
{
    const auto it = std::find_if(m_faceRecords.cbegin(), m_faceRecords.cend(),
                                 [faceId](const FaceRecord& f) { return f.id == faceId; });
    if (it == m_faceRecords.cend())
        return {};
    QList<FaceAction> out;
    if (it->state == QLatin1String("suggested"))
        out << FaceAction::Confirm << FaceAction::Reject;
    out << FaceAction::Name;
    if (it->state == QLatin1String("confirmed"))
        out << FaceAction::Unassign;
    out << FaceAction::Ignore;
    if (it->state != QLatin1String("confirmed"))
        out << FaceAction::NotAFace; // a hand, an ear: hidden and listed under Unknown faces ▸ Not faces
    return out;
}

void PhotoViewer::runFaceAction(qint64 faceId, FaceAction action, const QString& name)
{
    switch (action) {
    case FaceAction::Confirm:
        confirmFace(faceId);
        break;
    case FaceAction::Reject:
    case FaceAction::Unassign:
        rejectFace(faceId);
        break;
    case FaceAction::Ignore:
        ignoreFace(faceId);
        break;
    case FaceAction::NotAFace:
        if (m_people)
            m_people->markNotFaces({faceId});
        break;
    case FaceAction::Name: {
        QString chosen = name;
        if (chosen.isEmpty()) {
            const auto it = std::find_if(m_faceRecords.cbegin(), m_faceRecords.cend(),
                                         [faceId](const FaceRecord& f) { return f.id == faceId; });
            chosen = askName(tr("Who is this?"), it == m_faceRecords.cend() ? QString() : it->personName);
        }
        if (!chosen.isEmpty())
            nameFace(faceId, chosen);
        break;
    }
    }
}

void PhotoViewer::onFaceClicked(qint64 faceId)
{
    const auto it = std::find_if(m_faceRecords.cbegin(), m_faceRecords.cend(),
                                 [faceId](const FaceRecord& f) { return f.id == faceId; });
    if (it == m_faceRecords.cend() || !m_people)
        return;
    const FaceRecord face = *it;
    const QList<FaceAction> offered = faceActions(faceId);
    FaceAction chosen = FaceAction::Name;
    QString name;
    const bool picked =
        m_chooser ? m_chooser(face, offered, &chosen, &name) : chooseFromMenu(face, offered, &chosen);
    if (picked && offered.contains(chosen))
        runFaceAction(faceId, chosen, name);
}

bool PhotoViewer::chooseFromMenu(const FaceRecord& face, const QList<FaceAction>& offered, FaceAction* chosen)
{
    QMenu menu(this);
    for (const FaceAction a : offered) {
        QString text;
        switch (a) {
        case FaceAction::Confirm:
            text = tr("Yes, this is %1").arg(face.personName);
            break;
        case FaceAction::Reject:
            text = tr("No, this is not %1").arg(face.personName);
            break;
        case FaceAction::Name:
            if (offered.contains(FaceAction::Confirm))
                menu.addSeparator();
            text = face.personName.isEmpty() ? tr("Name this face…") : tr("This is someone else…");
            break;
        case FaceAction::Unassign:
            text = tr("This is not %1").arg(face.personName);
            break;
        case FaceAction::Ignore:
            text = tr("Ignore this face");
            break;
        case FaceAction::NotAFace:
            text = tr("Not a face");
            break;
        }
        menu.addAction(text)->setData(int(a));
    }
    const QAction* picked = menu.exec(QCursor::pos());
    if (!picked)
        return false;
    *chosen = FaceAction(picked->data().toInt());
    return true;
}

void PhotoViewer::nameFace(qint64 faceId, const QString& name)
{
    if (m_people && !name.isEmpty())
        m_people->nameFaces({faceId}, name);
}

void PhotoViewer::confirmFace(qint64 faceId)
{
    if (m_people)
        m_people->confirmSuggestions({faceId});
}

void PhotoViewer::rejectFace(qint64 faceId)
{
    if (!m_people)
        return;
    for (const FaceRecord& f : std::as_const(m_faceRecords)) {
        if (f.id != faceId)
            continue;
        if (f.state == QLatin1String("suggested"))
            m_people->rejectSuggestions({faceId});
        else if (f.personId > 0)
            m_people->rejectFaces({faceId}, f.personId);
    }
}

void PhotoViewer::ignoreFace(qint64 faceId)
{
    if (m_people)
        m_people->ignoreFaces({faceId});
}

void PhotoViewer::addManualFace(const QRectF& box, const QString& name)
{
    if (m_catalogPath.isEmpty() || m_photoId <= 0 || box.isEmpty())
        return;
    const QString path = m_catalogPath;
    const LibraryPaths paths = m_paths;
    const qint64 photoId = m_photoId;
    FaceIndexOptions options;
    QString error;
    if (!FaceIndexJob::optionsFromSettings(&options, &error)) {
        Q_EMIT manualFaceAdded(0, error);
        return;
    }
    std::shared_ptr<FaceIndexer>* indexer = &m_indexer; // touched only by the manual pool's thread
    (void)QtConcurrent::run(&m_manualPool, [this, indexer, path, paths, options, photoId, box, name] {
        QString why;
        qint64 faceId = 0;
        if (!*indexer) {
            auto created = std::make_shared<FaceIndexer>(path, paths, options);
            if (created->prepare(&why))
                *indexer = created;
        }
        if (*indexer)
            faceId = (*indexer)->addManualFace(photoId, box, &why);
        QMetaObject::invokeMethod(
            this,
            [this, faceId, why, name] {
                Q_EMIT manualFaceAdded(faceId, why);
                if (faceId <= 0)
                    return;
                reloadFaces();
                const QString who = name.isEmpty() ? askName(tr("Who is this?"), QString()) : name;
                if (!who.isEmpty())
                    nameFace(faceId, who);
            },
            Qt::QueuedConnection);
    });
}

void PhotoViewer::showPhoto(QAbstractItemModel* model, int row)
{
    m_model = model;
    m_index = QPersistentModelIndex(model ? model->index(row, 0) : QModelIndex());
    load();
    setFocus();
}

bool PhotoViewer::next()
{
    if (!m_index.isValid() || m_index.row() + 1 >= m_model->rowCount())
        return false;
    m_index = QPersistentModelIndex(m_model->index(m_index.row() + 1, 0));
    load();
    return true;
}

bool PhotoViewer::previous()
{
    if (!m_index.isValid() || m_index.row() == 0)
        return false;
    m_index = QPersistentModelIndex(m_model->index(m_index.row() - 1, 0));
    load();
    return true;
}

void PhotoViewer::keyPressEvent(QKeyEvent* event)
{
    switch (event->key()) {
    case Qt::Key_Right:
    case Qt::Key_Space:
    case Qt::Key_PageDown:
        next();
        return;
    case Qt::Key_Left:
    case Qt::Key_Backspace:
    case Qt::Key_PageUp:
        previous();
        return;
    case Qt::Key_Home:
        if (m_model && m_model->rowCount() > 0) {
            m_index = QPersistentModelIndex(m_model->index(0, 0));
            load();
        }
        return;
    case Qt::Key_End:
        if (m_model && m_model->rowCount() > 0) {
            m_index = QPersistentModelIndex(m_model->index(m_model->rowCount() - 1, 0));
            load();
        }
        return;
    case Qt::Key_F:
        if (m_faces->isEnabled())
            m_faces->toggle();
        return;
    case Qt::Key_D:
        if (m_draw->isEnabled())
            m_draw->toggle();
        return;
    case Qt::Key_Escape:
        if (m_draw->isChecked()) {
            m_draw->setChecked(false);
            return;
        }
        Q_EMIT closeRequested();
        return;
    default:
        QWidget::keyPressEvent(event);
    }
}

void PhotoViewer::load()
{
    if (!m_index.isValid()) {
        m_photoId = 0;
        m_view->clear(tr("No photo"));
        updateMetadata();
        return;
    }
    const auto photo = m_index.data(PhotoListModel::PhotoRole).value<LibraryPhoto>();
    m_photoId = photo.id;
    // The thumbnail first (instant), the full image when the worker has decoded it.
    const QVariant deco = m_index.data(Qt::DecorationRole);
    if (deco.canConvert<QPixmap>() && !deco.value<QPixmap>().isNull())
        m_view->setImage(deco.value<QPixmap>().toImage(), QSize(photo.width, photo.height));
    else
        m_view->clear(tr("Loading…"));
    m_view->setFaceBoxes({});
    m_faceRecords.clear();
    reloadFaces();
    const qreal dpr = devicePixelRatioF();
    QSize bounding = (screen() ? screen()->size() : QSize(1920, 1080)) * dpr;
    bounding = bounding.boundedTo(QSize(4096, 4096));
    m_provider->requestImage(photo.id, photo.path, bounding);
    m_prev->setEnabled(m_index.row() > 0);
    m_next->setEnabled(m_index.row() + 1 < m_model->rowCount());
    m_position->setText(tr("%1 of %2").arg(m_index.row() + 1).arg(m_model->rowCount()));
    updateMetadata();
    Q_EMIT currentRowChanged(m_index.row());
}

void PhotoViewer::onImageReady(qint64 id, const QImage& image, const QString& error)
{
    if (id != m_photoId || !m_index.isValid())
        return;
    const auto photo = m_index.data(PhotoListModel::PhotoRole).value<LibraryPhoto>();
    if (image.isNull()) {
        m_view->clear(tr("This photo cannot be shown: %1").arg(error));
        return;
    }
    m_view->setImage(image, QSize(photo.width, photo.height));
    Q_EMIT imageShown(id);
}

void PhotoViewer::updateMetadata()
{
    if (!m_index.isValid()) {
        for (QLabel* l : {m_name, m_date, m_camera, m_dims, m_gps, m_path})
            l->clear();
        return;
    }
    const auto p = m_index.data(PhotoListModel::PhotoRole).value<LibraryPhoto>();
    const QLocale locale;
    m_name->setText(QFileInfo(p.path).fileName());
    // Camera local time, as the camera recorded it: shown without a time zone.
    const QDateTime when = QDateTime::fromString(p.capturedAt, Qt::ISODate);
    const QString whenText = when.isValid()
                                 ? locale.toString(when.date(), QLocale::LongFormat) + QStringLiteral(", ") +
                                       locale.toString(when.time(), QLocale::ShortFormat)
                                 : QString();
    if (!when.isValid())
        m_date->setText(tr("Unknown"));
    else if (p.dateSource == QLatin1String("file-mtime"))
        m_date->setText(tr("%1 (file date)").arg(whenText));
    else
        m_date->setText(whenText);
    const QString camera = (p.cameraMake + QLatin1Char(' ') + p.cameraModel).trimmed();
    m_camera->setText(camera.isEmpty() ? tr("Unknown") : camera);
    m_dims->setText(
        tr("%1 × %2 pixels, %3").arg(p.width).arg(p.height).arg(locale.formattedDataSize(p.size)));
    if (p.gpsLat && p.gpsLon)
        m_gps->setText(QStringLiteral("%1, %2").arg(*p.gpsLat, 0, 'f', 5).arg(*p.gpsLon, 0, 'f', 5));
    else
        m_gps->setText(tr("None"));
    m_path->setText(QDir::toNativeSeparators(p.path));
}

} // namespace kindred
