package org.zhiyuan.access;

import java.time.LocalDate;
import java.util.List;

/**
 * What a module holds on a person when the person asks for erasure (删除, PIPL art. 47):
 * what it erases at once, what the law or the volunteer service rules make it keep and
 * until when, and what must end before anything is erased (a sign-up in progress, a
 * service under way). Each module that keeps data on people may provide a bean of its own
 * implementing this; the erasure review collects them, in their
 * {@link org.springframework.core.annotation.Order order}, without depending on the
 * modules that provide them. Items carry counts and dates, never the data itself.
 */
public interface ErasureSource {

	/** This module's part of the review sheet, possibly empty, never null. */
	List<ErasureItem> erasureOf(PersonalDataSource.Subject subject);

	/**
	 * Erases what this module listed as {@link ErasureItem.Treatment#ERASE}, in the
	 * caller's transaction.
	 */
	void erase(PersonalDataSource.Subject subject);

	/**
	 * The retention of what this module kept has ended: erases what identifies the person
	 * in it, putting the pseudonym where a name was; the rows themselves stay, so that
	 * they count in statistics.
	 */
	default void expire(PersonalDataSource.Subject subject, String pseudonym) {
	}

	/**
	 * One line of the review sheet: the module ({@code module}, e.g. "volunteer"), a
	 * message key naming the data ({@code erasure.item.*}), what happens to it, how many
	 * rows there are, and for kept data the last day it is kept (null: as long as the
	 * records it serves are kept).
	 */
	record ErasureItem(String module, String item, Treatment treatment, long count, LocalDate keptUntil) {

		public static ErasureItem erase(String module, String item, long count) {
			return new ErasureItem(module, item, Treatment.ERASE, count, null);
		}

		public static ErasureItem keep(String module, String item, long count, LocalDate keptUntil) {
			return new ErasureItem(module, item, Treatment.KEEP, count, keptUntil);
		}

		public static ErasureItem block(String module, String item, long count) {
			return new ErasureItem(module, item, Treatment.BLOCK, count, null);
		}

		/** What happens to the data: erased now, kept for a time, or in the way. */
		public enum Treatment {

			ERASE, KEEP, BLOCK

		}

	}

}
