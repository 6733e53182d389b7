// One limit: a label, a slider and a spin box kept in step, with a unit. 0 means "unlimited"
// (shown as such in the spin box). The value is in display units (cores, MiB, count);
// scale() turns it into protocol units (bytes ...).
#pragma once

#include <QWidget>

class QDoubleSpinBox;
class QLabel;
class QSlider;

// (two namespace blocks, not "onggi::gui": lupdate 6.4 needs them to name tr() contexts)
namespace onggi {
namespace gui {

class LimitControl : public QWidget {
    Q_OBJECT
public:
    LimitControl(double maximum, int decimals, double protocolScale, QWidget* parent = nullptr);

    void setRange(double maximum);
    void setValue(double displayValue);  // no valueEdited signal
    double value() const;                // display units
    qint64 protocolValue() const;        // display value * scale, rounded
    void setProtocolValue(double v);     // inverse of protocolValue(); no signal
    void setTexts(const QString& label, const QString& unit, const QString& specialZero, const QString& tooltip);
    void setAllowZero(bool allow);
    // Logarithmic slider from minPositive to the maximum (memory from 6 MiB to the host's
    // size stays usable at both ends); slider position 0 is 0 ("unlimited") or minPositive.
    void setLogScale(double minPositive);
    QSlider* slider() const { return m_slider; }
    QDoubleSpinBox* spinBox() const { return m_spin; }
    QLabel* label() const { return m_label; }

signals:
    void valueEdited(double value);  // by the user, from slider or spin box
    void dragFinished();             // slider released: apply now

private:
    int toSlider(double v) const;
    double fromSlider(int s) const;

    QLabel* m_label;
    QSlider* m_slider;
    QDoubleSpinBox* m_spin;
    QLabel* m_unit;
    double m_scale;
    int m_decimals;
    double m_logMin = 0;  // > 0: logarithmic slider
    bool m_allowZero = true;
    bool m_updating = false;
};

}  // namespace gui
}  // namespace onggi
