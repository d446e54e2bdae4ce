#pragma once

#include <QDialog>
#include <QString>
#include <QStringList>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QSpinBox;

namespace kindred {

// QSettings keys shared by the GUI and the services that read them.
namespace SettingsKeys {
inline const QString libraryLocation = QStringLiteral("library/location");        // "" = standard location
inline const QString modelsFolder = QStringLiteral("models/folder");              // "" = the bundled pack
inline const QString device = QStringLiteral("inference/device");                 // "auto" | "cpu" | "cuda"
inline const QString threads = QStringLiteral("inference/threads");               // 0 = all cores
inline const QString minFaceSize = QStringLiteral("faces/minFaceSize");           // pixels, default 20
inline const QString indexAfterScan = QStringLiteral("jobs/indexFacesAfterScan"); // bool, default true
inline const QString rescanAtStart = QStringLiteral("jobs/rescanAtStartup");      // bool, default false
inline const QString language = QStringLiteral("ui/language");                    // "" = system, "de", ...
inline const QString thumbnailSize = QStringLiteral("view/thumbnailSize");        // grid cell, px
} // namespace SettingsKeys

// File ▸ Settings: library location, models folder, inference device and threads, minimum face size,
// background-job behaviour and language, stored with QSettings when accepted. Library location and
// language apply on the next start (the dialog says so).
class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(QWidget* parent = nullptr);

    // Languages offered: code ("" = system) and the language's own name.
    static QList<QPair<QString, QString>> languages();

    void load();
    void save() const;
    // True when accept() changed a setting that applies only after a restart.
    bool needsRestart() const { return m_needsRestart; }

    void accept() override;

private:
    QLineEdit* m_library;
    QLineEdit* m_models;
    QComboBox* m_device;
    QSpinBox* m_threads;
    QSpinBox* m_minFace;
    QCheckBox* m_indexAfterScan;
    QCheckBox* m_rescanAtStart;
    QComboBox* m_language;
    bool m_needsRestart = false;
};

} // namespace kindred
