#pragma once

#include <QDialog>
#include <QString>
#include <QStringList>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QGroupBox;

namespace kindred {

class BackupService;

// QSettings keys shared by the GUI and the services that read them.
namespace SettingsKeys {
inline const QString libraryLocation = QStringLiteral("library/location"); // "" = standard location
inline const QString modelsFolder = QStringLiteral("models/folder");       // "" = the bundled pack
inline const QString embedder = QStringLiteral("models/embedder"); // "" (automatic) | "edgeface-xs" | ...
// Set when the family chose a network; before it existed, "frnet" was written for the default as well.
inline const QString embedderChosen = QStringLiteral("models/embedderChosen");
inline const QString embedderFile = QStringLiteral("models/embedderFile");        // irv1 checkpoint (.pt)
inline const QString device = QStringLiteral("inference/device");                 // "auto" | "cpu" | "cuda"
inline const QString threads = QStringLiteral("inference/threads");               // 0 = all cores
inline const QString minFaceSize = QStringLiteral("faces/minFaceSize");           // pixels, default 20
inline const QString indexAfterScan = QStringLiteral("jobs/indexFacesAfterScan"); // bool, default true
inline const QString personaliseAuto = QStringLiteral("jobs/personaliseAutomatically"); // bool, default true
inline const QString rescanAtStart = QStringLiteral("jobs/rescanAtStartup");            // bool, default false
inline const QString language = QStringLiteral("ui/language");             // "" = system, "de", ...
inline const QString thumbnailSize = QStringLiteral("view/thumbnailSize"); // grid cell, px
} // namespace SettingsKeys

// File ▸ Settings: library location, models folder, embedding model (the default pack's FaceRecognitionNet
// or a user-supplied InceptionResnetV1 checkpoint), inference device and threads, minimum face size,
// background-job behaviour and language, stored with QSettings when accepted. Library location and
// language apply on the next start (the dialog says so); face settings apply to the next face job.
class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(QWidget* parent = nullptr);

    // Languages offered: code ("" = system) and the language's own name.
    static QList<QPair<QString, QString>> languages();
    // Whether "NVIDIA GPU (CUDA)" is offered. The GUI layer cannot ask LibTorch itself (ui/ never sees
    // ml/), so the executable sets this at start; off by default. A stored "cuda" is still shown.
    static void setCudaAvailable(bool available);
    static bool cudaAvailable();

    void load();
    void save() const;
    // Why the dialog cannot be accepted as filled in ("" = it can): InceptionResnetV1 chosen without a
    // readable checkpoint file. accept() shows it in the dialog and stays open.
    QString validate() const;
    // True when accept() changed a setting that applies only after a restart.
    bool needsRestart() const { return m_needsRestart; }

    void accept() override;

    // Shows the Backups group (where they are, how many, the newest; Back up now; Restore…, which restarts
    // Kindred to restore the chosen backup). Without it the group stays hidden (no library open).
    void setBackups(BackupService* backups);

private:
    void updateBackupsText();
    void chooseBackupToRestore();

    BackupService* m_backups = nullptr;
    QGroupBox* m_backupsBox = nullptr;
    QLabel* m_backupsText = nullptr;
    QLineEdit* m_library;
    QLineEdit* m_models;
    QComboBox* m_embedder;
    QLineEdit* m_embedderFile;
    QWidget* m_embedderFileRow;
    QLabel* m_embedderHelp;
    QLabel* m_error;
    QComboBox* m_device;
    QSpinBox* m_threads;
    QSpinBox* m_minFace;
    QCheckBox* m_indexAfterScan;
    QCheckBox* m_rescanAtStart;
    QCheckBox* m_personaliseAuto;
    QComboBox* m_language;
    bool m_needsRestart = false;

    void updateEmbedderRow();
};

} // namespace kindred
