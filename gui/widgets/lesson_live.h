// LessonLive: the live panel of one Learn lesson, as HTML, from the kernel's view of the
// learner's container (client::KernelView). One function per lesson, keyed by the lesson's
// id (the lesson file's name without its number: "namespaces" for 03-namespaces.html).
// The lesson text itself is content (resources/lessons/<lang>/); the words here are UI.
#pragma once

#include "client/kernel_view.h"

#include <QCoreApplication>
#include <QString>

namespace onggi {
namespace gui {

class LessonLive {
    Q_DECLARE_TR_FUNCTIONS(LessonLive)
public:
    static QString html(const QString& lessonId, const client::KernelView& v);
    // One line on what a capability allows ("CAP_CHOWN"); empty for one we do not describe.
    static QString capabilityMeaning(const QString& cap);
};

}  // namespace gui
}  // namespace onggi
