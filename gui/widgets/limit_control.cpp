#include "gui/widgets/limit_control.h"

#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

namespace onggi::gui {

LimitControl::LimitControl(double maximum, int decimals, double protocolScale, QWidget* parent)
    : QWidget(parent), m_scale(protocolScale), m_decimals(decimals)
{
    m_label = new QLabel(this);
    m_slider = new QSlider(Qt::Horizontal, this);
    m_slider->setMinimumWidth(100);
    m_spin = new QDoubleSpinBox(this);
    m_spin->setDecimals(decimals);
    m_spin->setMinimumWidth(90);
    m_spin->setAccelerated(true);
    m_spin->setKeyboardTracking(false);
    m_unit = new QLabel(this);
    m_unit->setMinimumWidth(30);
    m_label->setBuddy(m_spin);
    // Two rows, so that it fits beside its chart: the name, then slider, value and unit.
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->setSpacing(2);
    outer->addWidget(m_label);
    auto* lay = new QHBoxLayout;
    lay->setContentsMargins(0, 0, 0, 0);
    lay->addWidget(m_slider, 1);
    lay->addWidget(m_spin);
    lay->addWidget(m_unit);
    outer->addLayout(lay);
    setRange(maximum);

    connect(m_slider, &QSlider::valueChanged, this, [this](int s) {
        if (m_updating) return;
        m_updating = true;
        m_spin->setValue(fromSlider(s));
        m_updating = false;
        emit valueEdited(m_spin->value());
    });
    connect(m_slider, &QSlider::sliderReleased, this, &LimitControl::dragFinished);
    connect(m_spin, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        if (m_updating) return;
        m_updating = true;
        m_slider->setValue(toSlider(v));
        m_updating = false;
        emit valueEdited(v);
        emit dragFinished();  // a typed value applies at once
    });
}

namespace {
constexpr int kLogSteps = 1000;
}

int LimitControl::toSlider(double v) const
{
    if (m_logMin <= 0) return int(std::lround(v * std::pow(10.0, m_decimals)));
    const double max = std::max(m_spin->maximum(), m_logMin * 1.0001);
    if (v < m_logMin) return (v <= 0 && m_allowZero) ? 0 : 1;
    const double f = std::log(v / m_logMin) / std::log(max / m_logMin);
    return std::clamp(1 + int(std::lround(f * (kLogSteps - 1))), 1, kLogSteps);
}

double LimitControl::fromSlider(int s) const
{
    if (m_logMin <= 0) return double(s) / std::pow(10.0, m_decimals);
    if (s <= 0) return m_allowZero ? 0.0 : m_logMin;
    const double max = std::max(m_spin->maximum(), m_logMin * 1.0001);
    const double v = m_logMin * std::pow(max / m_logMin, double(s - 1) / (kLogSteps - 1));
    // Round to 2 significant figures so a drag lands on readable values (64, 96, 1100 ...).
    const double mag = std::pow(10.0, std::floor(std::log10(v)) - 1);
    return std::max(m_logMin, std::round(v / mag) * mag);
}

void LimitControl::setLogScale(double minPositive)
{
    m_logMin = minPositive;
    setRange(m_spin->maximum());
}

void LimitControl::setRange(double maximum)
{
    m_updating = true;
    m_spin->setRange(m_allowZero ? 0 : std::pow(10.0, -m_decimals), maximum);
    m_slider->setRange(0, m_logMin > 0 ? kLogSteps : toSlider(maximum));
    m_slider->setPageStep(std::max(1, m_slider->maximum() / 20));
    m_slider->setValue(toSlider(m_spin->value()));
    m_updating = false;
}

void LimitControl::setAllowZero(bool allow)
{
    m_allowZero = allow;
    setRange(m_spin->maximum());
}

void LimitControl::setValue(double v)
{
    m_updating = true;
    if (v > m_spin->maximum()) setRange(v);
    m_updating = true;
    m_spin->setValue(v);
    m_slider->setValue(toSlider(v));
    m_updating = false;
}

double LimitControl::value() const { return m_spin->value(); }

qint64 LimitControl::protocolValue() const { return qint64(std::llround(m_spin->value() * m_scale)); }

void LimitControl::setProtocolValue(double v) { setValue(v / m_scale); }

void LimitControl::setTexts(const QString& label, const QString& unit, const QString& specialZero,
                            const QString& tooltip)
{
    m_label->setText(label);
    m_unit->setText(unit);
    m_spin->setSpecialValueText(specialZero);
    for (QWidget* w : {static_cast<QWidget*>(m_label), static_cast<QWidget*>(m_slider), static_cast<QWidget*>(m_spin)})
        w->setToolTip(tooltip);
}

}  // namespace onggi::gui
