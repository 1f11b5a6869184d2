package org.zhiyuan.erasure;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.zhiyuan.access.ErasureSource.ErasureItem.Treatment;

/**
 * One line of an erasure sheet: the module, a message key naming the kind of data
 * ({@code erasure.item.*}), what happens to it (ERASE, KEEP or BLOCK), how many rows, for
 * kept data the day its retention ends, and once carried out when it was erased (for kept
 * data: when its retention ended and what identified the person went).
 */
public record ErasureItemView(String module, String item, Treatment treatment, long count, LocalDate keptUntil,
		OffsetDateTime erasedAt) {

}
