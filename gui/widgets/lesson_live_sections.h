// LessonLiveSections: more live sections of the Learn lessons, from the kernel's view
// (client::KernelView): the network from both ends (lesson "network"), which images and
// containers share each lower layer (lesson "overlay"), and the masked paths with "absent"
// for those the container's /proc does not have (lesson "masked"). Kept apart from
// lesson_live.cpp so that each lesson's panel stays small; LessonLive::html calls these.
#pragma once

#include "client/kernel_view.h"

#include <QCoreApplication>
#include <QString>

namespace onggi {
namespace gui {

class LessonLiveSections {
    Q_DECLARE_TR_FUNCTIONS(LessonLiveSections)
public:
    static QString network(const client::KernelView& v);
    static QString layers(const client::KernelView& v);
    static QString masked(const client::KernelView& v);
    // The word shown for one masked or read-only path (also what the tests compare).
    static QString coverage(const client::KernelView& v, const QString& path);
};

}  // namespace gui
}  // namespace onggi
