#pragma once

#include <QJsonObject>
#include <array>

namespace kindred {

// Whether the confidence shown with suggestions is what their answers bear out (issue 19, 1b): the simulated
// family's answers are added one by one and summarised as the answers right against the sum of the shown
// confidences (what they promised), the Brier score (mean squared gap between the shown confidence and the
// answer, 0 best) and the same per band of shown confidence. Used by eval-library's naming rounds and its
// effort simulation.
class ConfidenceCalibration {
public:
    void add(double shown, bool right);
    int answered() const { return m_answered; }
    // {"answered", "right", "expected_right", "brier", "bands": [{"shown_from", "answered", "mean_shown",
    // "right_share"}]}
    QJsonObject toJson() const;

private:
    static constexpr std::array<double, 5> kBandFloors = {0.99, 0.95, 0.9, 0.8, 0.0};
    struct Band {
        int answered = 0, right = 0;
        double shown = 0;
    };
    std::array<Band, kBandFloors.size()> m_bands{};
    int m_answered = 0, m_right = 0;
    double m_shown = 0, m_squaredGap = 0;
};

} // namespace kindred
