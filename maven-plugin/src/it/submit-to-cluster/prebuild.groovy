// Starts a JobManager and two one-slot TaskManagers from the runtime this build installed into the
// integration tests' local repository, and writes weir.properties for the build to submit to them.
// Every process runs under `timeout`, so none outlives a build that never reaches verify.groovy.
import java.util.concurrent.TimeUnit

File repo = new File(localRepositoryPath.toString())
List<String> groups = ['/io/weir/weir-runtime/', '/io/weir/weir-state/', '/io/weir/weir-annotations/', '/io/netty/',
                       '/info/picocli/', '/org/slf4j/slf4j-api/', '/com/esotericsoftware/', '/org/objenesis/',
                       '/org/rocksdb/', '/commons-codec/']
List<String> jars = []
repo.eachFileRecurse(groovy.io.FileType.FILES) { f ->
  String path = f.path.replace('\\', '/')
  if (path.endsWith('.jar') && groups.any { path.contains(it) }) {
    jars << f.path
  }
}
assert jars.any { it.contains('weir-runtime') } : "no weir-runtime in ${repo}"
String classpath = jars.join(File.pathSeparator)
String java = new File(System.getProperty('java.home'), 'bin/java').path
File logs = new File(basedir, 'cluster')
logs.mkdirs()
List<Long> pids = []

def start = { String name, List<String> args ->
  File out = new File(logs, "${name}.out")
  Process p = new ProcessBuilder(['timeout', '240', java, '-Xmx128m', '-cp', classpath, 'io.weir.runtime.cli.Weir'] + args)
      .directory(basedir).redirectOutput(out).redirectError(new File(logs, "${name}.err")).start()
  pids << p.pid()
  return out
}

def awaitLine = { File out, String prefix ->
  for (int i = 0; i < 600; i++) {
    String line = out.exists() ? out.readLines().find { it.startsWith(prefix) } : null
    if (line != null) {
      return line.substring(prefix.length())
    }
    Thread.sleep(100)
  }
  throw new AssertionError("no '${prefix}' in ${out}")
}

File jm = start('jobmanager', ['jobmanager', '--port', '0', '--blob-dir', new File(logs, 'blobs').path])
String address = awaitLine(jm, 'JobManager listening on ')
new File(basedir, 'cluster.pids').text = pids.join('\n')
['tm1', 'tm2'].each { name ->
  File tm = start(name, ['taskmanager', '--jobmanager', address, '--slots', '1', '--blob-cache', new File(logs, name + '-jars').path])
  new File(basedir, 'cluster.pids').text = pids.join('\n')
  awaitLine(tm, 'TaskManager started: ')
}
new File(basedir, 'weir.properties').text = """weir.jobmanager = ${address}
weir.parallelism = 2
weir.vertexParallelism = SumByParity=2
weir.restart = none
weir.args = --count 500 --output 'target/sum totals.txt'
"""
return true
