"""Fixtures for tests/Repro.Tests/Models (run with PyTorch >= 1.6; Debian: apt-get install python3-torch).

    python3 make_fixtures.py            # writes wrong-arch.pth (a few KB) and resnet18-keys.txt (committed)
    python3 make_fixtures.py --resnet18 OUT.pth
                                        # a seeded random torchvision-layout resnet18 state_dict
                                        # (~45 MB, NOT committed) for a manual load check

wrong-arch.pth is a real torch.save() state_dict whose names/shapes do not fit torchvision's resnet18:
conv1 has the wrong shape, layer1.0.conv3 only exists in Bottleneck ResNets, and layer4 is absent.
The resnet18 network is written out here (torchvision is not needed) with torchvision's module names.
"""
import sys
import torch
from torch import nn


class BasicBlock(nn.Module):
    def __init__(self, cin, cout, stride):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(cout)
        self.relu = nn.ReLU(inplace=True)
        self.conv2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(cout)
        self.downsample = None
        if stride != 1 or cin != cout:
            self.downsample = nn.Sequential(nn.Conv2d(cin, cout, 1, stride, bias=False), nn.BatchNorm2d(cout))


class ResNet18(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 64, 7, 2, 3, bias=False)
        self.bn1 = nn.BatchNorm2d(64)
        self.relu = nn.ReLU(inplace=True)
        self.maxpool = nn.MaxPool2d(3, 2, 1)
        cin = 64
        for i, cout in enumerate([64, 128, 256, 512]):
            blocks = []
            for b in range(2):
                blocks.append(BasicBlock(cin, cout, 2 if i > 0 and b == 0 else 1))
                cin = cout
            setattr(self, f"layer{i + 1}", nn.Sequential(*blocks))
        self.avgpool = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(512, 1000)


def wrong_arch():
    torch.manual_seed(416)
    sd = {
        "conv1.weight": torch.randn(8, 3, 3, 3),
        "bn1.weight": torch.ones(8),
        "bn1.bias": torch.zeros(8),
        "bn1.running_mean": torch.zeros(8),
        "bn1.running_var": torch.ones(8),
        "layer1.0.conv1.weight": torch.randn(64, 64, 3, 3)[:4, :4].clone(),
        "layer1.0.conv3.weight": torch.randn(4, 4, 1, 1),
        "fc.weight": torch.randn(10, 8),
        "fc.bias": torch.zeros(10),
    }
    torch.save(sd, "wrong-arch.pth")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--resnet18":
        torch.manual_seed(416)
        model = ResNet18()
        # Non-trivial BatchNorm statistics, so that a load that skipped buffers would be caught.
        for m in model.modules():
            if isinstance(m, nn.BatchNorm2d):
                m.running_mean.uniform_(-0.5, 0.5)
                m.running_var.uniform_(0.5, 1.5)
        torch.save(model.state_dict(), sys.argv[2])
    else:
        wrong_arch()
        # name and shape of every state_dict entry of torchvision's resnet18 layout, in order
        with open("resnet18-keys.txt", "w") as f:
            for k, v in ResNet18().state_dict().items():
                f.write(f"{k} [{','.join(str(d) for d in v.shape)}]\n")
