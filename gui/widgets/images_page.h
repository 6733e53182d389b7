// ImagesPage: the images in the helper's store (images.list), the containers using each
// (container.list), the selected image's layers with the other images that share them
// (images.inspect), the disk totals (system.df), Pull (PullDialog) and Remove.
#pragma once

#include "client/helper_session.h"
#include "gui/widgets/pull_dialog.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;

namespace onggi {
namespace gui {

class ImagesPage : public QWidget {
    Q_OBJECT
public:
    enum ImageColumn { Name, Id, Size, Shared, Created, Containers, ImageColumnCount };
    enum LayerColumn { LayerId, LayerSize, SharedWith, LayerColumnCount };
    static constexpr int ValueRole = Qt::UserRole + 1;  // the raw figure behind a cell (bytes, count, id)

    explicit ImagesPage(client::HelperSession* session, QWidget* parent = nullptr);

    // For tests and screenshots.
    QTableWidget* imagesTable() const { return m_images; }
    QTableWidget* layersTable() const { return m_layers; }
    const client::SystemDf& df() const { return m_df; }
    QString dfText() const;
    PullDialog* pullDialog() const { return m_pullDialog.data(); }
    QPushButton* removeButton() const { return m_remove; }
    bool selectImage(const QString& reference);  // by name:tag or id
    QString lastError() const { return m_lastError; }

public slots:
    void refresh();
    void openPullDialog();
    void removeSelected();

signals:
    void refreshed();        // list, containers and df all in
    void layersShown();      // the selected image's layers are in
    void imageRemoved(const QString& id);
    void failed(const QString& text);

protected:
    void changeEvent(QEvent* e) override;
    void showEvent(QShowEvent* e) override;

private:
    void retranslateUi();
    void fill();
    void showLayers();
    void fail(const QString& text, const client::RpcError& e);
    QString selectedId() const;

    client::HelperSession* m_session;
    QLabel* m_dfImages;
    QLabel* m_dfContainers;
    QLabel* m_dfReclaim;
    QPushButton* m_pull;
    QPushButton* m_remove;
    QPushButton* m_refresh;
    QLabel* m_listTitle;
    QLabel* m_layersTitle;
    QTableWidget* m_images;
    QTableWidget* m_layers;
    QPointer<PullDialog> m_pullDialog;

    QList<client::ImageInfo> m_list;
    QList<client::ContainerSummary> m_containers;
    client::SystemDf m_df;
    bool m_haveDf = false;
    int m_pending = 0;
    quint64 m_gen = 0;
    quint64 m_layerGen = 0;
    QString m_lastError;
};

}  // namespace gui
}  // namespace onggi
