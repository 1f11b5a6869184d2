package org.zhiyuan.privacy;

import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key file used when no keys are configured: a properties file with {@code active=}
 * (the id that seals new values), {@code index=} (the blind index key) and one
 * {@code <id>=<base64>} line per data key. Created on first use with data key
 * {@value #FIRST_KEY_ID}, owner-only where the file system has POSIX permissions, and
 * never overwritten once it exists.
 */
final class PrivacyKeyFile {

	static final String FIRST_KEY_ID = "k1";

	static final String ACTIVE = "active";

	static final String INDEX = "index";

	static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
			PosixFilePermission.OWNER_WRITE);

	private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = EnumSet.of(PosixFilePermission.OWNER_READ,
			PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

	private static final Logger log = LoggerFactory.getLogger(PrivacyKeyFile.class);

	private PrivacyKeyFile() {
	}

	/**
	 * Reads the key file, creating it first if it does not exist.
	 * @throws IllegalStateException if it cannot be created or read, or its keys are
	 * incomplete
	 */
	static PrivacyKeys loadOrCreate(Path file, SecureRandom random) {
		if (!Files.exists(file)) {
			create(file, random);
		}
		return load(file);
	}

	private static PrivacyKeys load(Path file) {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read the personal data key file " + file, ex);
		}
		warnIfOthersCanRead(file);
		Map<String, String> dataKeys = new LinkedHashMap<>();
		String active = null;
		String index = null;
		for (String name : properties.stringPropertyNames()) {
			String value = properties.getProperty(name);
			if (ACTIVE.equals(name)) {
				active = value;
			}
			else if (INDEX.equals(name)) {
				index = value;
			}
			else {
				dataKeys.put(name, value);
			}
		}
		return PrivacyKeys.of(PrivacyKeys.Origin.file(file), dataKeys, active, index);
	}

	private static void create(Path file, SecureRandom random) {
		Path directory = file.getParent();
		boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
		try {
			if (posix) {
				Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
			}
			else {
				Files.createDirectories(directory);
			}
			Path temp = posix
					? Files.createTempFile(directory, ".privacy-keys-", ".tmp",
							PosixFilePermissions.asFileAttribute(OWNER_ONLY))
					: Files.createTempFile(directory, ".privacy-keys-", ".tmp");
			try {
				writeDurably(temp, content(random));
				// when another instance got there first its file stands, and is
				// what gets read
				if (publish(temp, file)) {
					log.info("Generated the personal data keys in {}; back this file up apart from the data, "
							+ "without it sealed values cannot be read", file);
				}
			}
			finally {
				Files.deleteIfExists(temp);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot create the personal data key file " + file, ex);
		}
	}

	private static String content(SecureRandom random) {
		return """
				# Zhiyuan personal data keys: base64 of 32 random bytes each. Keep this file secret
				# and back it up apart from the data; without it sealed values cannot be read.
				# Rotate: add a new id (k2=...), set active=k2, restart. Never remove a key that
				# still seals stored values, and never change index: lookups depend on it.
				%s=%s
				%s=%s
				%s=%s
				""".formatted(ACTIVE, FIRST_KEY_ID, INDEX, PrivacyKeys.generate(random), FIRST_KEY_ID,
				PrivacyKeys.generate(random));
	}

	private static void writeDurably(Path file, String content) throws IOException {
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE,
				StandardOpenOption.TRUNCATE_EXISTING)) {
			ByteBuffer bytes = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
			while (bytes.hasRemaining()) {
				channel.write(bytes);
			}
			// a key file lost in a crash would leave every value sealed since unreadable
			channel.force(true);
		}
	}

	/**
	 * Puts the finished file in place unless one is already there.
	 * @return whether this call created it
	 */
	private static boolean publish(Path temp, Path file) throws IOException {
		try {
			// a hard link fails when the name exists, where a rename would
			// silently replace the keys of another instance starting at the same
			// moment
			Files.createLink(file, temp);
			return true;
		}
		catch (FileAlreadyExistsException ex) {
			return false;
		}
		catch (UnsupportedOperationException | FileSystemException ex) {
			// no hard links here: a move without REPLACE_EXISTING refuses an
			// existing file
			try {
				Files.move(temp, file);
				return true;
			}
			catch (FileAlreadyExistsException lost) {
				return false;
			}
		}
	}

	private static void warnIfOthersCanRead(Path file) {
		if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
			return;
		}
		try {
			Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
			if (!OWNER_ONLY_DIRECTORY.containsAll(permissions)) {
				log.warn("The personal data key file {} is open to other users; restrict it to its owner "
						+ "(chmod 600)", file);
			}
		}
		catch (IOException ex) {
			log.warn("Cannot check the permissions of the personal data key file {}", file, ex);
		}
	}

}
