#include "photoviewer.h"

#include "icons.h"
#include "libraryservice.h"
#include "photolistmodel.h"
#include "photoview.h"
#include "thumbnailprovider.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QScreen>
#include <QToolButton>
#include <QVBoxLayout>

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
    m_faces = toolButton(this, Icons::Name::Faces, tr("Face boxes appear here once faces have been indexed"));
    m_faces->setCheckable(true);
    m_faces->setChecked(true);
    m_faces->setEnabled(false);
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
    case Qt::Key_Escape:
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
