#include "gui/widgets/layers_dialog.h"
#include "client/error_text.h"
#include "client/helper_session.h"
#include "client/image_detail.h"
#include "client/kernel_view.h"
#include "client/system_df.h"
#include "gui/models/units.h"
#include "gui/widgets/layer_stack_view.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>

namespace onggi {
namespace gui {

namespace {
constexpr int kRefreshMs = 3000;
}

LayersDialog::LayersDialog(client::HelperSession* session, QWidget* parent)
    : QDialog(parent), m_session(session), m_timer(new QTimer(this))
{
    setObjectName(QStringLiteral("layersDialog"));
    auto* top = new QVBoxLayout(this);
    m_title = new QLabel(this);
    m_title->setWordWrap(true);
    top->addWidget(m_title);
    auto* split = new QSplitter(Qt::Horizontal, this);
    auto* scroll = new QScrollArea(split);
    m_view = new LayerStackView(scroll);
    scroll->setWidget(m_view);
    scroll->setWidgetResizable(true);
    scroll->setAlignment(Qt::AlignLeft | Qt::AlignBottom);
    auto* side = new QWidget(split);
    auto* sl = new QVBoxLayout(side);
    sl->setContentsMargins(0, 0, 0, 0);
    m_detailTitle = new QLabel(side);
    m_detailTitle->setWordWrap(true);
    m_detail = new QListWidget(side);
    sl->addWidget(m_detailTitle);
    sl->addWidget(m_detail, 1);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    top->addWidget(split, 1);
    auto* buttons = new QHBoxLayout;
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_refresh = new QPushButton(this);
    m_close = new QPushButton(this);
    buttons->addWidget(m_status, 1);
    buttons->addWidget(m_refresh);
    buttons->addWidget(m_close);
    top->addLayout(buttons);
    connect(m_refresh, &QPushButton::clicked, this, &LayersDialog::refresh);
    connect(m_close, &QPushButton::clicked, this, &QDialog::accept);
    connect(m_view, &LayerStackView::layerClicked, this, &LayersDialog::showLayer);
    connect(m_view, &LayerStackView::writableClicked, this, &LayersDialog::showWritable);
    connect(m_session, &client::HelperSession::ready, this, &LayersDialog::refresh);
    m_timer->setInterval(kRefreshMs);
    connect(m_timer, &QTimer::timeout, this, &LayersDialog::refresh);
    resize(1000, 600);
    retranslateUi();
    refresh();
}

QString LayersDialog::statusText() const { return m_status->text(); }
QString LayersDialog::detailTitle() const { return m_detailTitle->text(); }

void LayersDialog::showEvent(QShowEvent* e)
{
    QDialog::showEvent(e);
    m_timer->start();
}

void LayersDialog::hideEvent(QHideEvent* e)
{
    m_timer->stop();
    QDialog::hideEvent(e);
}

void LayersDialog::refresh()
{
    if (m_pending > 0) return;
    m_error.clear();
    m_pending = 3;
    QPointer<LayersDialog> self(this);
    auto failed = [self](const client::RpcError& e) {
        if (self && e.isError() && self->m_error.isEmpty()) self->m_error = client::ErrorText::explain(e);
    };
    m_session->listImages([self, failed](const QList<client::ImageInfo>& images, const client::RpcError& e) {
        if (!self) return;
        failed(e);
        if (!e.isError()) self->m_images = images;
        // A layer's size never changes: inspect only images with a layer not yet measured.
        for (const client::ImageInfo& im : images) {
            bool known = true;
            for (const QString& d : im.layers) known = known && self->m_layerSizes.contains(d);
            if (known) continue;
            ++self->m_pending;
            self->m_session->inspectImage(im.id,
                                          [self, failed](const client::ImageDetail& d, const client::RpcError& e2) {
                                              if (!self) return;
                                              failed(e2);
                                              for (const client::ImageLayerSize& l : d.layerSizes)
                                                  self->m_layerSizes.insert(l.diffId, l.size);
                                              self->replyIn();
                                          });
        }
        self->replyIn();
    });
    m_session->listContainers(true,
                              [self, failed](const QList<client::ContainerSummary>& list, const client::RpcError& e) {
                                  if (!self) return;
                                  failed(e);
                                  if (!e.isError()) self->m_containers = list;
                                  self->replyIn();
                              });
    m_session->systemDf([self, failed](const client::SystemDf& df, const client::RpcError& e) {
        if (!self) return;
        failed(e);
        if (!e.isError()) {
            self->m_writable.clear();
            for (const auto& c : df.containerList) self->m_writable.insert(c.id, c.size);
        }
        self->replyIn();
    });
}

void LayersDialog::replyIn()
{
    if (--m_pending > 0) return;
    m_view->setStacks(LayerStacks::build(m_images, m_layerSizes, m_containers, m_writable));
    const LayerStacks& s = m_view->stacks();
    m_status->setText(m_error.isEmpty() ? tr("Layers on disk: %1 · images: %2 · containers: %3")
                                              .arg(s.layers.size())
                                              .arg(m_images.size())
                                              .arg(m_containers.size())
                                        : m_error);
    // Keep the side list current (a writable layer grows; a layer gains users).
    if (!m_selectedContainer.isEmpty()) showWritable(m_selectedContainer);
    else if (!m_selectedLayer.isEmpty()) showLayer(m_selectedLayer);
    emit refreshed();
}

void LayersDialog::showLayer(const QString& diffId)
{
    m_selectedLayer = diffId;
    m_selectedContainer.clear();
    m_view->setSelected(diffId);
    ++m_detailGen;
    const LayerStacks& s = m_view->stacks();
    const qint64 size = m_layerSizes.value(diffId, -1);
    m_detailTitle->setText(tr("Layer %1 (%2), read-only, used by:")
                               .arg(diffId.mid(diffId.indexOf(QLatin1Char(':')) + 1, 12),
                                    size < 0 ? tr("size not known") : Units::bytes(double(size))));
    m_detail->clear();
    for (int i : s.usersOf(diffId)) {
        const LayerColumn& c = s.columns[i];
        m_detail->addItem(c.kind == LayerColumn::Image ? tr("image %1").arg(c.title) : tr("container %1").arg(c.title));
    }
    emit detailShown();
}

void LayersDialog::showWritable(const QString& containerId)
{
    m_selectedContainer = containerId;
    m_selectedLayer.clear();
    m_view->setSelected(containerId);
    const quint64 gen = ++m_detailGen;
    QString name = containerId.left(12), state;
    for (const auto& c : m_containers)
        if (c.id == containerId) name = c.name, state = c.state;
    const qint64 size = m_writable.value(containerId, -1);
    m_detailTitle->setText(tr("Writable layer of %1 (%2): the files it changed")
                               .arg(name, size < 0 ? tr("size not known") : Units::bytes(double(size))));
    if (state != QLatin1String("running") && state != QLatin1String("paused")) {
        m_detail->clear();
        m_detail->addItem(tr("Start the container to list the files it changed."));
        emit detailShown();
        return;
    }
    QPointer<LayersDialog> self(this);
    m_session->kernelView(containerId, [self, gen](const client::KernelView& v, const client::RpcError& e) {
        if (!self || gen != self->m_detailGen) return;
        self->m_detail->clear();
        if (e.isError()) {
            self->m_detail->addItem(client::ErrorText::explain(e));
        } else if (v.upperChanges.isEmpty()) {
            self->m_detail->addItem(tr("Nothing changed yet: every file comes from the layers below."));
        } else {
            for (const auto& u : v.upperChanges) {
                QString what;
                if (u.kind == QLatin1String("whiteout")) what = tr("deleted (a whiteout hides it)");
                else if (u.kind == QLatin1String("opaque_dir")) what = tr("directory replaced (opaque)");
                else if (u.kind == QLatin1String("dir")) what = tr("directory");
                else if (u.kind == QLatin1String("symlink")) what = tr("symbolic link");
                else if (u.inLower) what = tr("changed (copied up), %1").arg(Units::bytes(double(u.size)));
                else what = tr("new, %1").arg(Units::bytes(double(u.size)));
                auto* item = new QListWidgetItem(QStringLiteral("%1 — %2").arg(u.path, what), self->m_detail);
                item->setData(Qt::UserRole, u.path);
            }
            if (v.upperTruncated) self->m_detail->addItem(tr("(more changes not listed)"));
        }
        emit self->detailShown();
    });
}

void LayersDialog::changeEvent(QEvent* e)
{
    if (e->type() == QEvent::LanguageChange) retranslateUi();
    QDialog::changeEvent(e);
}

void LayersDialog::retranslateUi()
{
    setWindowTitle(tr("Layers"));
    m_title->setText(tr("Each column is an image or a container, its layers from the bottom up. A layer is stored "
                        "once and drawn in the same colour wherever it is used; a container adds its own writable "
                        "layer on top (dashed). Click a layer to see who uses it, a writable layer to see its files."));
    if (!m_selectedContainer.isEmpty()) showWritable(m_selectedContainer);
    else if (!m_selectedLayer.isEmpty()) showLayer(m_selectedLayer);
    else m_detailTitle->setText(tr("Click a layer."));
    m_refresh->setText(tr("&Refresh"));
    m_close->setText(tr("&Close"));
    m_view->update();
}

}  // namespace gui
}  // namespace onggi
