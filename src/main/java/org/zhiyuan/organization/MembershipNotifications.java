package org.zhiyuan.organization;

import java.util.List;

import org.zhiyuan.notification.NotificationKind;
import org.zhiyuan.notification.NotificationRequest;
import org.zhiyuan.notification.Notifications;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells a volunteer that an organization invited them, in the same transaction as the
 * invitation, with a link to the page where they accept or decline.
 */
@Component
class MembershipNotifications {

	static final String INVITATIONS_PAGE = "/me/invitations";

	private final Notifications notifications;

	MembershipNotifications(Notifications notifications) {
		this.notifications = notifications;
	}

	@EventListener
	void on(MemberInvited event) {
		String key = (event.role() == MemberRole.ADMIN) ? "notice.membership.invitedAsAdmin"
				: "notice.membership.invited";
		this.notifications
			.send(new NotificationRequest(event.volunteerAccountId(), NotificationKind.MEMBERSHIP_INVITATION, key,
					List.of(event.organizationName()), INVITATIONS_PAGE, null));
	}

}
