// The Layers view: every image's and every container's stack of layers drawn side by side
// (LayerStackView), shared layers as the same block wherever they are used, each container's
// writable layer on top with its size as the helper measures it now. Beside it: the selected
// layer's users, or the files a running container changed (its overlay upper directory, from
// container.kernel_view). While open it asks again every few seconds, so writable sizes move
// as the containers write.
#pragma once

#include "gui/models/layer_stacks.h"

#include <QDialog>
#include <QHash>

class QLabel;
class QListWidget;
class QPushButton;
class QTimer;

namespace onggi {
namespace client {
class HelperSession;
}
namespace gui {

class LayerStackView;

class LayersDialog : public QDialog {
    Q_OBJECT
public:
    // `session` is used, not owned; it must outlive the dialog.
    explicit LayersDialog(client::HelperSession* session, QWidget* parent = nullptr);

    void refresh();
    void showWritable(const QString& containerId);
    void showLayer(const QString& diffId);
    // For tests and screenshots.
    LayerStackView* view() const { return m_view; }
    QListWidget* detailList() const { return m_detail; }
    QString detailTitle() const;
    QString statusText() const;

signals:
    void refreshed();    // every reply of one refresh() is in, the view redrawn
    void detailShown();  // the side list was filled

protected:
    void changeEvent(QEvent* e) override;
    void showEvent(QShowEvent* e) override;
    void hideEvent(QHideEvent* e) override;

private:
    void retranslateUi();
    void replyIn();

    client::HelperSession* m_session;
    QList<client::ImageInfo> m_images;
    QList<client::ContainerSummary> m_containers;
    QHash<QString, qint64> m_layerSizes;  // diff_id -> bytes (a layer never changes)
    QHash<QString, qint64> m_writable;    // container id -> bytes of its upper directory
    QString m_error, m_selectedLayer, m_selectedContainer;
    int m_pending = 0;
    quint64 m_detailGen = 0;
    LayerStackView* m_view;
    QLabel *m_title, *m_detailTitle, *m_status;
    QListWidget* m_detail;
    QPushButton *m_refresh, *m_close;
    QTimer* m_timer;
};

}  // namespace gui
}  // namespace onggi
