// "New container": image, command, name, hostname, environment, volumes, limits, namespaces
// and security options, validated as the user types (the first problem is named and OK stays
// disabled). params() is the container.create request of docs/protocol.md.
#pragma once

#include "client/cgroup_file_names.h"
#include "client/network_info.h"
#include "client/rpc_error.h"

#include <QDialog>
#include <QJsonObject>
#include <QStringList>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class QTabWidget;
class QFormLayout;

// (two namespace blocks, not "onggi::gui": lupdate 6.4 needs them to name tr() contexts)
namespace onggi {
namespace gui {

class CreateDialog : public QDialog {
    Q_OBJECT
public:
    explicit CreateDialog(QWidget* parent = nullptr);

    void setImages(const QStringList& images);  // from images.list; busybox is always offered
    void setCgroupMode(const QString& mode);    // memory.high needs v2
    // The helper's cgroupfs file names (hello), which the tooltips name.
    void setCgroupFiles(const client::CgroupFileNames& files);
    // The networks of network.list by name, the default one first and chosen until the user
    // picks another; then private, none and (when the caller may use it) host. Until the list
    // comes, "bridge" stands for the helper's default network.
    void setNetworks(const QList<client::NetworkInfo>& networks);
    void setHostNetworkAllowed(bool allowed);  // only root may share the host's network
    QJsonObject params() const;
    // The first validation problem, empty when the form is valid.
    QString validationError() const;
    bool startAfterCreate() const;
    // While the helper works on a create: OK disabled, the form stays as it is.
    void setBusy(bool busy);
    bool isBusy() const { return m_busy; }
    // The helper refused the create: keep every input, show why beside the field it names
    // (a name in use beside Name, "limits.memory: ..." beside Memory) or under the tabs.
    void showRefusal(const client::RpcError& e);
    // The field the last refusal was shown beside (nullptr: under the tabs), and its text.
    QWidget* refusedField() const { return m_refusedField; }
    QString refusalText() const;
    // Shell-like word splitting of the command line ('single', "double", \escapes).
    static QStringList splitCommand(const QString& text);

    // For tests: the editors, by role.
    QComboBox* imageEdit() const { return m_image; }
    QLineEdit* nameEdit() const { return m_name; }
    QLineEdit* commandEdit() const { return m_command; }
    QLineEdit* hostnameEdit() const { return m_hostname; }
    QPlainTextEdit* envEdit() const { return m_env; }
    QPlainTextEdit* volumesEdit() const { return m_volumes; }
    QDoubleSpinBox* cpusEdit() const { return m_cpus; }
    QSpinBox* memoryEdit() const { return m_memory; }
    QSpinBox* pidsEdit() const { return m_pids; }
    QDialogButtonBox* buttons() const { return m_buttons; }
    QLineEdit* portsEdit() const { return m_ports; }
    QCheckBox* publishAllBox() const { return m_publishAll; }
    QComboBox* networkBox() const { return m_network; }

signals:
    // OK with a valid form: the owner sends params() and answers with accept() or showRefusal().
    void createRequested();

protected:
    void changeEvent(QEvent* e) override;

private:
    void retranslateUi();
    void validate();
    void clearRefusal();
    void fillNetworks();  // the network combo from m_networks, in the current language

    QTabWidget* m_tabs;
    QComboBox* m_image;
    QLineEdit *m_name, *m_command, *m_hostname, *m_workdir, *m_capAdd, *m_capDrop;
    QLineEdit* m_ports = nullptr;  // -p specs, space or comma separated
    QPlainTextEdit *m_env, *m_volumes;
    QComboBox *m_restart, *m_network, *m_seccomp;
    QDoubleSpinBox* m_cpus;
    QSpinBox *m_weight, *m_memory, *m_memoryHigh, *m_swap, *m_pids;
    QCheckBox *m_nsPid, *m_nsIpc, *m_nsUts, *m_nsCgroup, *m_nsTime, *m_nsUser;
    QCheckBox *m_readOnly, *m_privileged, *m_start;
    QCheckBox* m_publishAll;  // -P: every port the image exposes, on free host ports
    QLabel* m_error;
    QWidget* m_errorBox;
    QWidget* m_fieldNotice;  // icon + text, moved into the form row under the refused field
    QLabel* m_fieldNoticeText;
    QWidget* m_refusedField = nullptr;
    QString m_refusal;            // the general refusal under the tabs, until the form changes
    QJsonObject m_refusedParams;  // the request that was refused: an edit clears the notice
    bool m_busy = false;
    QDialogButtonBox* m_buttons;
    QFormLayout *m_generalForm, *m_limitsForm, *m_nsForm, *m_secForm;
    QString m_cgroupMode = QStringLiteral("v2");
    client::CgroupFileNames m_files;
    QList<client::NetworkInfo> m_networks;
    bool m_networksKnown = false, m_hostAllowed = true, m_networkChosen = false;
};

}  // namespace gui
}  // namespace onggi
