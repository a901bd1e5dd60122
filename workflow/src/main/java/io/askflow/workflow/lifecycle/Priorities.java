package io.askflow.workflow.lifecycle;

import io.askflow.events.RoutedBy;

/** A question's priority in its queue (higher first): overdue, then escalated, then urgent, then the rest. */
final class Priorities {

    static final int OVERDUE = 95;
    static final int ESCALATED = 90;
    static final int URGENT = 80;
    static final int NORMAL = 50;

    /** @param standing OVERDUE or ESCALATED once a deadline was missed (whatever routed it since), else routedBy */
    static int of(RoutedBy standing, boolean urgent) {
        return switch (standing) {
            case OVERDUE -> OVERDUE;
            case ESCALATED -> ESCALATED;
            default -> urgent ? URGENT : NORMAL;
        };
    }

    private Priorities() {
    }
}
