// ImagesPage: the images in the helper's store (images.list), the containers using each
// (container.list), the selected image's layers with the other images that share them
// (images.inspect), the disk totals (system.df), Pull (PullDialog), Remove, and Save / Load of
// archive files (docker save / docker load; the helper opens the file as this user, and its
// progress notifications drive a bar under the list). It follows the
// helper's image events (pull, load, commit, tag, untag, delete, prune: from this app, onggictl
// or anyone else) while it is shown, so the list is current without Refresh.
#pragma once

#include "client/helper_session.h"
#include "gui/widgets/pull_dialog.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;
class QTimer;

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
    QPushButton* saveButton() const { return m_save; }
    QPushButton* loadButton() const { return m_load; }
    QProgressBar* archiveBar() const { return m_archiveBar; }
    QString archiveStatus() const;
    bool archiveBusy() const { return !m_archivePath.isEmpty(); }
    bool selectImage(const QString& reference);  // by name:tag or id
    QString lastError() const { return m_lastError; }

public slots:
    void refresh();
    void openPullDialog();
    void removeSelected();
    void saveSelected();  // asks where (a file dialog), then saveSelectedTo
    void loadFromFile();  // asks which file, then loadFrom
    void saveSelectedTo(const QString& path);
    void loadFrom(const QString& path);

signals:
    void refreshed();    // list, containers and df all in
    void layersShown();  // the selected image's layers are in
    void imageRemoved(const QString& id);
    void saved(const QString& path);
    void loaded(const QStringList& ids);
    void failed(const QString& text);

protected:
    void changeEvent(QEvent* e) override;
    void showEvent(QShowEvent* e) override;

private:
    // The save or load in progress or last ended well, kept as facts so that a language change
    // rewrites its line.
    struct ArchiveDone {
        enum Kind { None, Saving, Saved, Loading, Loaded } kind = None;
        QString ref, file, names;
        qint64 bytes = 0;
        int count = 0;
    };
    void retranslateUi();
    void fill();
    void showLayers();
    void fail(const QString& text, const client::RpcError& e);
    QString selectedId() const;
    void archiveStarted(const QString& path, const ArchiveDone& what);
    void archiveProgress(const client::ArchiveProgress& p);
    void archiveFinished(const ArchiveDone& what);
    void archiveFailed(bool load, const QString& what, const client::RpcError& e);

    client::HelperSession* m_session;
    QLabel* m_dfImages;
    QLabel* m_dfContainers;
    QLabel* m_dfReclaim;
    QPushButton* m_pull;
    QPushButton* m_remove;
    QPushButton* m_refresh;
    QPushButton* m_save;
    QPushButton* m_load;
    QProgressBar* m_archiveBar;
    QLabel* m_archiveLabel;
    QString m_archivePath;  // the save or load in progress (empty: none)
    ArchiveDone m_archiveDone;
    QString archiveText() const;
    QLabel* m_listTitle;
    QLabel* m_layersTitle;
    QTableWidget* m_images;
    QTableWidget* m_layers;
    QPointer<PullDialog> m_pullDialog;
    QTimer* m_refreshSoon;  // image events come in bursts (an untag, a tag, a load): one refresh

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
