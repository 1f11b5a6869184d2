package org.zhiyuan.timebank;

/** What a relative is to the volunteer who names them. */
public enum Relation {

	SPOUSE, PARENT, CHILD, GRANDPARENT, GRANDCHILD;

	/** What the volunteer who named the relative is to the relative. */
	public Relation inverse() {
		return switch (this) {
			case SPOUSE -> SPOUSE;
			case PARENT -> CHILD;
			case CHILD -> PARENT;
			case GRANDPARENT -> GRANDCHILD;
			case GRANDCHILD -> GRANDPARENT;
		};
	}

}
