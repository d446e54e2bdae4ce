#include "settingsdialog.h"

#include "backupservice.h"
#include "faceindexjob.h"
#include "libraryservice.h"
#include "restoredialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QThread>
#include <QVBoxLayout>

namespace kindred {

namespace {
bool g_cudaAvailable = false;

QWidget* folderField(QLineEdit* edit, const QString& placeholder, QWidget* parent)
{
    auto* w = new QWidget(parent);
    edit->setPlaceholderText(placeholder);
    edit->setClearButtonEnabled(true);
    auto* browse = new QPushButton(SettingsDialog::tr("Choose…"), w);
    auto* l = new QHBoxLayout(w);
    l->setContentsMargins(0, 0, 0, 0);
    l->addWidget(edit, 1);
    l->addWidget(browse);
    QObject::connect(browse, &QPushButton::clicked, w, [edit, w] {
        const QString dir =
            QFileDialog::getExistingDirectory(w, SettingsDialog::tr("Choose a folder"), edit->text());
        if (!dir.isEmpty())
            edit->setText(QDir::toNativeSeparators(dir));
    });
    return w;
}

QWidget* fileField(QLineEdit* edit, const QString& placeholder, QWidget* parent)
{
    auto* w = new QWidget(parent);
    edit->setPlaceholderText(placeholder);
    edit->setClearButtonEnabled(true);
    auto* browse = new QPushButton(SettingsDialog::tr("Choose…"), w);
    browse->setObjectName(QStringLiteral("chooseEmbedderFile"));
    auto* l = new QHBoxLayout(w);
    l->setContentsMargins(0, 0, 0, 0);
    l->addWidget(edit, 1);
    l->addWidget(browse);
    QObject::connect(browse, &QPushButton::clicked, w, [edit, w] {
        const QString file = QFileDialog::getOpenFileName(
            w, SettingsDialog::tr("Choose an InceptionResnetV1 checkpoint"), edit->text(),
            SettingsDialog::tr("PyTorch checkpoints (*.pt *.pth);;All files (*)"));
        if (!file.isEmpty())
            edit->setText(QDir::toNativeSeparators(file));
    });
    return w;
}
} // namespace

void SettingsDialog::setCudaAvailable(bool available)
{
    g_cudaAvailable = available;
}

bool SettingsDialog::cudaAvailable()
{
    return g_cudaAvailable;
}

SettingsDialog::SettingsDialog(QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("Settings"));
    m_library = new QLineEdit(this);
    m_library->setObjectName(QStringLiteral("libraryLocation"));
    m_models = new QLineEdit(this);
    m_models->setObjectName(QStringLiteral("modelsFolder"));
    m_embedder = new QComboBox(this);
    m_embedder->setObjectName(QStringLiteral("embedder"));
    m_embedder->addItem(tr("Automatic (recommended: EdgeFace-XS)"), QString());
    m_embedder->addItem(tr("EdgeFace-XS"), QStringLiteral("edgeface-xs"));
    m_embedder->addItem(tr("EdgeFace-XXS (faster, less accurate)"), QStringLiteral("edgeface-xxs"));
    m_embedder->addItem(tr("FaceRecognitionNet (the first network)"), QStringLiteral("frnet"));
    m_embedder->addItem(tr("InceptionResnetV1 (checkpoint file)"), QStringLiteral("irv1"));
    m_embedderFile = new QLineEdit(this);
    m_embedderFile->setObjectName(QStringLiteral("embedderFile"));
    m_embedderHelp = new QLabel(
        tr("Kindred does not ship these weights. Download <b>20180402-114759-vggface2.pt</b> from the "
           "releases of facenet-pytorch (github.com/timesler/facenet-pytorch) and choose the file here. "
           "Faces found so far are described again with the new model."),
        this);
    m_embedderHelp->setObjectName(QStringLiteral("embedderHelp"));
    m_embedderHelp->setWordWrap(true);
    m_embedderHelp->setTextFormat(Qt::RichText);
    m_embedderHelp->setForegroundRole(QPalette::PlaceholderText);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("error"));
    m_error->setWordWrap(true);
    m_error->hide();
    m_device = new QComboBox(this);
    m_device->setObjectName(QStringLiteral("device"));
    m_device->addItem(g_cudaAvailable ? tr("Automatic (GPU when available)") : tr("Automatic"),
                      QStringLiteral("auto"));
    m_device->addItem(tr("CPU"), QStringLiteral("cpu"));
    if (g_cudaAvailable)
        m_device->addItem(tr("NVIDIA GPU (CUDA)"), QStringLiteral("cuda"));
    m_threads = new QSpinBox(this);
    m_threads->setObjectName(QStringLiteral("threads"));
    m_threads->setRange(0, 256);
    m_threads->setSpecialValueText(tr("All cores (%1)").arg(QThread::idealThreadCount()));
    m_minFace = new QSpinBox(this);
    m_minFace->setObjectName(QStringLiteral("minFaceSize"));
    m_minFace->setRange(12, 400);
    m_minFace->setSuffix(tr(" px"));
    m_indexAfterScan = new QCheckBox(tr("Look for faces in new photos after each scan"), this);
    m_rescanAtStart = new QCheckBox(tr("Rescan my folders when Kindred starts"), this);
    m_personaliseAuto = new QCheckBox(
        tr("Learn from the names I give to tell my family apart better (in the background)"), this);
    m_personaliseAuto->setObjectName(QStringLiteral("personaliseAutomatically"));
    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("language"));
    const auto langs = languages();
    for (const auto& [code, name] : langs)
        m_language->addItem(name, code);

    auto* libraryBox = new QGroupBox(tr("Library"), this);
    auto* lf = new QFormLayout(libraryBox);
    lf->addRow(tr("Library location:"), folderField(m_library, tr("Default location"), libraryBox));
    lf->addRow(tr("Models folder:"), folderField(m_models, tr("Models shipped with Kindred"), libraryBox));

    auto* facesBox = new QGroupBox(tr("Face recognition"), this);
    auto* ff = new QFormLayout(facesBox);
    ff->addRow(tr("Face model:"), m_embedder);
    m_embedderFileRow = fileField(m_embedderFile, QStringLiteral("20180402-114759-vggface2.pt"), facesBox);
    ff->addRow(tr("Checkpoint file:"), m_embedderFileRow);
    ff->addRow(QString(), m_embedderHelp);
    ff->addRow(tr("Run on:"), m_device);
    ff->addRow(tr("CPU threads:"), m_threads);
    ff->addRow(tr("Smallest face:"), m_minFace);

    auto* jobsBox = new QGroupBox(tr("Background work"), this);
    auto* jf = new QVBoxLayout(jobsBox);
    jf->addWidget(m_indexAfterScan);
    jf->addWidget(m_rescanAtStart);
    jf->addWidget(m_personaliseAuto);

    m_backupsBox = new QGroupBox(tr("Backups"), this);
    m_backupsBox->setObjectName(QStringLiteral("backups"));
    auto* bf = new QVBoxLayout(m_backupsBox);
    m_backupsText = new QLabel(m_backupsBox);
    m_backupsText->setWordWrap(true);
    m_backupsText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* backupRow = new QHBoxLayout;
    auto* backupNow = new QPushButton(tr("Back up now"), m_backupsBox);
    backupNow->setObjectName(QStringLiteral("backupNow"));
    auto* restore = new QPushButton(tr("Restore…"), m_backupsBox);
    restore->setObjectName(QStringLiteral("restoreBackup"));
    backupRow->addWidget(backupNow);
    backupRow->addWidget(restore);
    backupRow->addStretch(1);
    bf->addWidget(m_backupsText);
    bf->addLayout(backupRow);
    m_backupsBox->setVisible(false);
    connect(backupNow, &QPushButton::clicked, this, [this] {
        if (m_backups) {
            m_backupsText->setText(tr("Backing up…"));
            m_backups->backupNow();
        }
    });
    connect(restore, &QPushButton::clicked, this, &SettingsDialog::chooseBackupToRestore);

    auto* langBox = new QGroupBox(tr("Language"), this);
    auto* gf = new QFormLayout(langBox);
    gf->addRow(tr("Language:"), m_language);

    auto* note = new QLabel(
        tr("Changes to the library location and the language take effect when Kindred is restarted."), this);
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(libraryBox);
    layout->addWidget(facesBox);
    layout->addWidget(jobsBox);
    layout->addWidget(langBox);
    layout->addWidget(m_backupsBox);
    layout->addWidget(note);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    setMinimumWidth(560);
    connect(m_embedder, &QComboBox::currentIndexChanged, this, &SettingsDialog::updateEmbedderRow);
    load();
}

void SettingsDialog::setBackups(BackupService* backups)
{
    m_backups = backups;
    const bool shown = backups && !backups->catalogPath().isEmpty();
    m_backupsBox->setVisible(shown);
    if (!shown)
        return;
    connect(backups, &BackupService::backupFinished, this, [this](const QString& path, const QString& error) {
        updateBackupsText();
        if (path.isEmpty() && !error.isEmpty())
            m_backupsText->setText(m_backupsText->text() + QLatin1Char('\n') +
                                   tr("The last backup failed: %1").arg(error));
    });
    updateBackupsText();
}

void SettingsDialog::updateBackupsText()
{
    if (!m_backups)
        return;
    const auto list = m_backups->backups();
    const QString folder = QDir::toNativeSeparators(m_backups->directory());
    if (list.isEmpty()) {
        m_backupsText->setText(tr("Kindred backs up your names daily and after you name people, into %1. "
                                  "There is no backup yet.")
                                   .arg(folder));
        return;
    }
    qint64 bytes = 0;
    for (const auto& b : list)
        bytes += b.bytes;
    m_backupsText->setText(
        tr("Kindred backs up your names daily and after you name people, into %1. "
           "%n backup(s) (%2), the newest from %3.",
           nullptr, int(list.size()))
            .arg(folder, QLocale().formattedDataSize(bytes),
                 QLocale().toString(list.first().created.toLocalTime(), QLocale::ShortFormat)));
}

void SettingsDialog::chooseBackupToRestore()
{
    if (!m_backups)
        return;
    RestoreDialog dialog(RestoreDialog::Mode::Choose, BackupService::entriesFor(m_backups->catalogPath()),
                         QString(), this);
    if (dialog.exec() != QDialog::Accepted || dialog.chosenPath().isEmpty())
        return;
    // The catalog is open in this process (and its workers): the restore happens at the next start.
    QSettings().setValue(LibraryService::pendingRestoreKey(), dialog.chosenPath());
    RestoreDialog::restartKindred();
}

void SettingsDialog::updateEmbedderRow()
{
    const bool irv1 = m_embedder->currentData().toString() == QLatin1String("irv1");
    m_embedderFileRow->setEnabled(irv1);
    m_embedderHelp->setVisible(irv1);
    if (!irv1)
        m_error->hide();
}

QString SettingsDialog::validate() const
{
    if (m_embedder->currentData().toString() != QLatin1String("irv1"))
        return {};
    const QString file = QDir::fromNativeSeparators(m_embedderFile->text().trimmed());
    if (file.isEmpty())
        return tr("Choose the InceptionResnetV1 checkpoint file, or use the default face model.");
    const QFileInfo info(file);
    if (!info.isFile() || !info.isReadable())
        return tr("The checkpoint file %1 does not exist or cannot be read.")
            .arg(QDir::toNativeSeparators(file));
    return {};
}

QList<QPair<QString, QString>> SettingsDialog::languages()
{
    return {{QString(), tr("System language")},
            {QStringLiteral("en"), QStringLiteral("English")},
            {QStringLiteral("de"), QStringLiteral("Deutsch")},
            {QStringLiteral("es"), QStringLiteral("Español")},
            {QStringLiteral("fr"), QStringLiteral("Français")},
            {QStringLiteral("zh_CN"), QStringLiteral("简体中文")}};
}

void SettingsDialog::load()
{
    QSettings s;
    m_library->setText(QDir::toNativeSeparators(s.value(SettingsKeys::libraryLocation).toString()));
    m_models->setText(QDir::toNativeSeparators(s.value(SettingsKeys::modelsFolder).toString()));
    const QString embedder = FaceIndexJob::chosenEmbedder(s);
    const QString embedderFile = s.value(SettingsKeys::embedderFile).toString();
    // The face job's rule: no model named and a checkpoint given means InceptionResnetV1.
    const bool irv1 =
        embedder.startsWith(QLatin1String("irv1")) ||
        (embedder.isEmpty() && !embedderFile.isEmpty() && !embedderFile.endsWith(QLatin1String(".json")));
    const int chosen = m_embedder->findData(irv1 ? QStringLiteral("irv1") : embedder);
    m_embedder->setCurrentIndex(std::max(0, chosen));
    m_embedderFile->setText(irv1 ? QDir::toNativeSeparators(embedderFile) : QString());
    updateEmbedderRow();
    const QString device = s.value(SettingsKeys::device, QStringLiteral("auto")).toString();
    if (device == QLatin1String("cuda") && m_device->findData(device) < 0)
        m_device->addItem(tr("NVIDIA GPU (CUDA, not available on this computer)"), device);
    const int d = m_device->findData(device);
    m_device->setCurrentIndex(d < 0 ? 0 : d);
    m_threads->setValue(s.value(SettingsKeys::threads, 0).toInt());
    m_minFace->setValue(s.value(SettingsKeys::minFaceSize, 20).toInt());
    m_indexAfterScan->setChecked(s.value(SettingsKeys::indexAfterScan, true).toBool());
    m_rescanAtStart->setChecked(s.value(SettingsKeys::rescanAtStart, false).toBool());
    m_personaliseAuto->setChecked(s.value(SettingsKeys::personaliseAuto, true).toBool());
    const int l = m_language->findData(s.value(SettingsKeys::language).toString());
    m_language->setCurrentIndex(l < 0 ? 0 : l);
}

void SettingsDialog::save() const
{
    QSettings s;
    s.setValue(SettingsKeys::libraryLocation, QDir::fromNativeSeparators(m_library->text().trimmed()));
    s.setValue(SettingsKeys::modelsFolder, QDir::fromNativeSeparators(m_models->text().trimmed()));
    const QString embedder = m_embedder->currentData().toString();
    if (embedder == QLatin1String("irv1")) {
        s.setValue(SettingsKeys::embedder, QStringLiteral("irv1"));
        s.setValue(SettingsKeys::embedderFile, QDir::fromNativeSeparators(m_embedderFile->text().trimmed()));
    } else {
        // A network of the model pack (or the automatic choice): a file here would be read as its weights.
        s.setValue(SettingsKeys::embedder, embedder);
        s.remove(SettingsKeys::embedderFile);
    }
    s.setValue(SettingsKeys::embedderChosen, !embedder.isEmpty());
    s.setValue(SettingsKeys::device, m_device->currentData().toString());
    s.setValue(SettingsKeys::threads, m_threads->value());
    s.setValue(SettingsKeys::minFaceSize, m_minFace->value());
    s.setValue(SettingsKeys::indexAfterScan, m_indexAfterScan->isChecked());
    s.setValue(SettingsKeys::rescanAtStart, m_rescanAtStart->isChecked());
    s.setValue(SettingsKeys::personaliseAuto, m_personaliseAuto->isChecked());
    s.setValue(SettingsKeys::language, m_language->currentData().toString());
}

void SettingsDialog::accept()
{
    const QString problem = validate();
    if (!problem.isEmpty()) {
        m_error->setText(problem);
        m_error->show();
        m_embedderFile->setFocus();
        return;
    }
    QSettings s;
    const QString oldLibrary = s.value(SettingsKeys::libraryLocation).toString();
    const QString oldLanguage = s.value(SettingsKeys::language).toString();
    save();
    m_needsRestart = oldLibrary != s.value(SettingsKeys::libraryLocation).toString() ||
                     oldLanguage != s.value(SettingsKeys::language).toString();
    QDialog::accept();
}

} // namespace kindred
