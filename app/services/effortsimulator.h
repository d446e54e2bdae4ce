#pragma once

#include "faceservice.h"
#include "librarypaths.h"

#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QString>
#include <atomic>
#include <vector>

namespace kindred {

// How the simulated family answers what the app offers.
enum class EffortPolicy {
    // Today's habit, the reference every change is quoted against: name the groups largest first, then answer
    // the suggestions one face at a time.
    OneByOne,
    // The app's own flow: the same groups, but the suggestions of one person answered together (the
    // Suggestions view filtered to that person: the wrong ones rejected one by one, then one "Yes" for the
    // rest).
    Batched,
};

struct EffortOptions {
    EffortPolicy policy = EffortPolicy::Batched;
    FaceRefreshOptions
        grouping; // the library's settings (recluster is ignored: the app regroups incrementally)
    // The app regroups and suggests again after this many decisions (and whenever the family has answered
    // everything on screen).
    int regroupEvery = 10;
    // Faces scored on their own too (e.g. "profile": the ids of the profile faces): share named at the end.
    QHash<QString, QSet<qint64>> subsets;
    // The app's background personalisation on the family's answers (issue 19, 3): whenever this many faces
    // more have been named since its last run and the names can support one, the fine-tuning job runs
    // (FinetuneService, the app's defaults: adopted only when its held-out check says the stage helps), and
    // an adopted stage is used from then on. 0: never (the app's own trigger is every
    // FinetuneService::kNewConfirmedFacesToRun faces; a larger step measures the same at less cost).
    int finetuneEvery = 0;
    double finetuneFreeWeight = -1;     // FinetuneOptions::freeWeight
    double finetuneTogetherWeight = -1; // FinetuneOptions::togetherWeight
};

// The effort a family spends naming a library, simulated through the app's own actions (PeopleService,
// FaceService), each counted as one decision: name a group (plus one per face taken out of it first), answer
// a suggestion or a batch of one person's suggestions (plus one per face rejected from the batch), answer a
// question about a whole group ("Is this group X?") or two groups ("Are these one person?"), ignore a group
// of strangers, name a face that is in no group. The family answers truthfully from the labels, always takes
// the first thing the app offers (suggestions first, then the questions, then groups largest first, then
// ungrouped faces best first) and stops when the app has nothing left to offer.
//
// Reports the effort curve (share of labelled faces named correctly after D decisions), the decisions needed
// to reach 50 / 80 / 90 / 95 % of them, decisions per person, wrong names, and the faces of strangers
// (unlabelled faces) the app asked about. Changes the catalog: run it on a copy.
class EffortSimulator {
public:
    // `labels`: face id -> the person it shows ("" or absent = unlabelled, e.g. a background face).
    EffortSimulator(const QString& catalogPath, const LibraryPaths& paths,
                    const QHash<qint64, QString>& labels);

    bool run(const EffortOptions& options, QJsonObject* report, const std::atomic_bool* cancel = nullptr);
    QString errorString() const { return m_error; }

    static QString policyName(EffortPolicy policy);

private:
    bool fail(const QString& message);
    // Records one decision after the faces in `named` got the name `person`.
    void decide(const QList<qint64>& named = {}, const QString& person = {});
    QString labelOf(qint64 faceId) const { return m_labels.value(faceId); }

    QString m_catalogPath;
    LibraryPaths m_paths;
    QHash<qint64, QString> m_labels;
    QString m_error;
    int m_labelled = 0;
    QHash<qint64, QString> m_named; // face -> the name the family gave it (confirmed)
    int m_right = 0;                // labelled faces whose name is their label
    int m_wrong = 0;                // faces named with a name that is not their label
    std::vector<int> m_curve;       // m_right after each decision (index 0 = after the first)
    QHash<QString, QSet<qint64>> m_subsets;
    QHash<QString, std::vector<int>> m_subsetCurve; // the same per subset
};

} // namespace kindred
